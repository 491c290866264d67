package io.clustersim.gossip.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.memberlist.MemberlistFormulas;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.Refutation;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.gossip.pool.GossipMetrics;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.gossip.serf.Member;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Liveness and accuracy of failure detection on whole pools: no false deaths without faults,
 * every crash detected everywhere, healed partitions merged, slow members saved by refutation.
 */
class FailureDetectionPropertiesTest {

    private static SerfPoolHarness pool(Draws draws, int size, GossipConfig config, StartMode mode) {
        long seed = draws.draw(Gens.seeds(), "seed");
        SerfPoolHarness pool = SerfPoolHarness.builder().size(size).config(config).startMode(mode).seed(seed).build();
        pool.start();
        return pool;
    }

    /** The suspicion timeout's upper bound for {@code n} members (memberlist suspicion.go, util.go suspicionTimeout). */
    private static Duration suspicionMax(MemberlistConfig c, int n) {
        long min = MemberlistFormulas.suspicionTimeoutNanos(c.suspicionMult(), n, c.probeInterval().toNanos());
        return Duration.ofNanos(c.suspicionMaxTimeoutMult() * min);
    }

    @Property(tries = 200, maxShrinks = 20)
    void withoutFaultsOrLoss_nobodyIsEverDeclaredDead(Draws draws) {
        int size = draws.draw(PoolGens.sizes(), "size");
        GossipConfig config = draws.draw(PoolGens.profiles(), "config");
        StartMode mode = draws.draw(PoolGens.startModes(), "start");
        SerfPoolHarness pool = pool(draws, size, config, mode);

        pool.runFor(config.memberlist().probeInterval().multipliedBy(Math.max(300, 3L * size)));

        assertThat(pool.metrics().falseFailureDeclarations()).isEmpty();
        assertThat(pool.converged()).as("every member sees every member alive").isTrue();
    }

    @Property(tries = 200, maxShrinks = 20)
    void aCrashedMember_isEventuallyDeclaredDeadByEveryLiveMember(Draws draws) {
        int size = draws.draw(Gens.integers(3, 20), "size");
        GossipConfig config = draws.draw(PoolGens.profiles(), "config");
        int crashes = draws.draw(Gens.integers(1, Math.min(3, size - 2)), "crashes");
        SerfPoolHarness pool = pool(draws, size, config, StartMode.PRE_JOINED);
        MemberlistConfig c = config.memberlist();
        List<String> crashed = new ArrayList<>();
        for (int i = 0; i < crashes; i++) {
            Duration gap = draws.draw(Gens.durations(Duration.ZERO, c.probeInterval().multipliedBy(20)), "gap");
            pool.runFor(gap);
            List<String> live = pool.liveMembers();
            String victim = live.get(draws.draw(Gens.integers(0, live.size() - 1), "victim"));
            pool.crash(victim);
            crashed.add(victim);
        }
        // Generous: every member's full probe round at the largest window, plus the longest suspicion.
        Duration bound = c.probeInterval().multipliedBy((long) size * c.awarenessMaxMultiplier())
                .plus(suspicionMax(c, size)).multipliedBy(2);
        boolean detected = pool.runUntil(() -> crashed.stream().allMatch(v -> pool.allLiveSee(v, MemberState.DEAD)), bound);

        assertThat(detected).as("all of %s seen dead by every live member within %s", crashed, bound).isTrue();
        GossipMetrics m = pool.metrics();
        assertThat(m.failureDetectionAllSeconds()).hasSize(crashes);
        assertThat(m.failureDetectionFirstSeconds()).hasSize(crashes);
    }

    @Property(tries = 200, maxShrinks = 20)
    void aPartitionedMember_isAliveEverywhereAgainAfterTheHeal(Draws draws) {
        int size = draws.draw(Gens.integers(3, 10), "size");
        GossipConfig config = draws.draw(PoolGens.profiles(), "config");
        SerfPoolHarness pool = pool(draws, size, config, StartMode.PRE_JOINED);
        pool.runFor(draws.draw(Gens.durations(Duration.ZERO, Duration.ofSeconds(30)), "before"));
        String victim = pool.memberNames().get(draws.draw(Gens.integers(0, size - 1), "victim"));
        var cut = pool.isolate(victim);
        pool.runFor(draws.draw(Gens.durations(Duration.ofSeconds(1), Duration.ofMinutes(5)), "partitioned for"));
        pool.heal(cut);

        // Serf's reconnect (every ReconnectInterval) and push-pull re-merge the two sides.
        boolean merged = pool.runUntil(() -> pool.converged() && allSerfAlive(pool), Duration.ofMinutes(15));

        assertThat(merged).as("%s alive in every view again", victim).isTrue();
    }

    private static boolean allSerfAlive(SerfPoolHarness pool) {
        for (String o : pool.liveMembers()) {
            for (String x : pool.liveMembers()) {
                Member m = pool.serf(o).member(x).orElse(null);
                if (m == null || m.status() != MemberStatus.ALIVE) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Refutation keeps a slow member in the pool: each suspicion it hears in time is refuted with
     * a higher incarnation, so it is never dead in the view of a majority and ends alive
     * everywhere. A single member may still declare it dead now and then: the refutation is
     * retransmitted only RetransmitMult x ceil(log10(n+1)) times per member and a newer
     * suspicion replaces it in the queues, so an unlucky member can miss it (memberlist does
     * the same); that member then hears the next refutation and revives it.
     */
    @Property(tries = 200, maxShrinks = 20)
    void aSlowButAliveMember_refutesInTime_andIsNeverDeadToAMajority(Draws draws) {
        int size = draws.draw(Gens.integers(4, 12), "size");
        long seed = draws.draw(Gens.seeds(), "seed");
        DeadViews deadViews = new DeadViews();
        SerfPoolHarness pool = SerfPoolHarness.builder().size(size).seed(seed)
                .startMode(StartMode.PRE_JOINED).observer(deadViews).build();
        pool.start();
        String slow = pool.memberNames().get(draws.draw(Gens.integers(0, size - 1), "slow member"));
        deadViews.member = slow;
        boolean pauses = draws.draw(Gens.booleans(), "pauses rather than slow processing");
        // Heard in time: the LAN suspicion lower bound is 4 s, so the member must be able to
        // process the suspicion and have its refutation spread well before that.
        if (pauses) {
            Duration pause = draws.draw(Gens.durations(Duration.ofMillis(200), Duration.ofMillis(2500)), "pause");
            for (int i = 0; i < 6; i++) {
                pool.runFor(Duration.ofSeconds(15));
                pool.pause(slow);
                pool.runFor(pause);
                pool.resume(slow);
            }
        } else {
            pool.setProcessingDelay(slow, draws.draw(Gens.durations(Duration.ofMillis(50), Duration.ofMillis(1500)), "delay"));
            pool.runFor(Duration.ofMinutes(2));
            pool.setProcessingDelay(slow, Duration.ZERO);
        }
        pool.runUntil(() -> pool.liveMembers().stream().allMatch(o -> pool.view(o, slow).orElseThrow() == MemberState.ALIVE),
                Duration.ofSeconds(30));

        assertThat(deadViews.mostAtOnce * 2).as("most members seeing %s dead at once", slow).isLessThan(size - 1);
        assertThat(deadViews.suspicions > 0 ? deadViews.refutations : 1).as("refutations").isPositive();
        assertThat(pool.liveMembers()).allSatisfy(o -> assertThat(pool.view(o, slow)).contains(MemberState.ALIVE));
    }

    /** Tracks how many members see one member dead at the same time. */
    private static final class DeadViews implements GossipObserver {
        String member;
        final Set<String> seeingDead = new TreeSet<>();
        int mostAtOnce;
        int suspicions;
        int refutations;

        @Override
        public void onStateChange(StateChange c) {
            if (!c.member().equals(member)) {
                return;
            }
            if (c.current() == MemberState.SUSPECT) {
                suspicions++;
            }
            if (c.current() == MemberState.DEAD) {
                seeingDead.add(c.observer());
                mostAtOnce = Math.max(mostAtOnce, seeingDead.size());
            } else {
                seeingDead.remove(c.observer());
            }
        }

        @Override
        public void onRefutation(Refutation r) {
            if (r.member().equals(member)) {
                refutations++;
            }
        }
    }
}
