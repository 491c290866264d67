package io.clustersim.gossip.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.pool.GossipMetrics;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.random.Distribution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a crashed member comes back: after its agent has started, and seen by all within a push-pull. */
class RejoinTest {
    static SerfPoolHarness pool(long seed, Distribution startup) {
        return SerfPoolHarness.builder().seed(seed).size(5).config(GossipConfig.lan())
                .startMode(StartMode.PRE_JOINED).agentStartup(startup).build();
    }

    static double rejoin(SerfPoolHarness p, Duration down) {
        p.start();
        p.runFor(Duration.ofSeconds(60));
        p.crash("m4");
        p.runFor(down);
        p.restart("m4");
        p.runFor(Duration.ofSeconds(60));
        List<GossipMetrics.JoinConvergence> j = p.metrics().joinConvergences();
        return j.get(j.size() - 1).seconds();
    }

    @Test
    void when_aMemberRestarts_then_itRejoinsOnlyOnceItsAgentHasStarted() {
        double seconds = rejoin(pool(3, new Distribution.Constant(2_000_000_000L)), Duration.ofSeconds(40));
        assertThat(seconds).isBetween(2.0, 3.0);
        double instant = rejoin(pool(3, new Distribution.Constant(0)), Duration.ofSeconds(40));
        assertThat(instant).isLessThan(1.0);
    }

    @Test
    void when_theRejoinBroadcastMissesAMember_then_itLearnsAtTheLatestAtItsNextPushPull() {
        // With 5 members an update is sent retransmitMult x ceil(log10(6)) = 4 times by each member
        // that hears it, to random peers: now and then one member hears none of them (memberlist
        // behaves the same). It then learns of the rejoined member from a push-pull, its own or a
        // peer's, within one push-pull interval (30 s for pools up to 32 members).
        double pushPull = GossipConfig.lan().memberlist().pushPullInterval().toSeconds();
        for (long seed = 1; seed <= 300; seed++) {
            for (Duration down : List.of(Duration.ofSeconds(10), Duration.ofSeconds(40))) {
                double s = rejoin(pool(seed, new Distribution.Constant(0)), down);
                assertThat(s).as("seed %d, down %s", seed, down).isLessThan(pushPull + 1);
            }
        }
        // One such case: after 40 s down every survivor has forgotten m4; m1 (the seed) learns it
        // from the join, m2 from gossip, but m3 and m5 only 10.6 s later, from push-pulls.
        assertThat(rejoin(pool(13, new Distribution.Constant(0)), Duration.ofSeconds(40))).isBetween(5.0, pushPull);
    }
}
