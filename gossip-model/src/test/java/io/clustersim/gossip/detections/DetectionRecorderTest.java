package io.clustersim.gossip.detections;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.observe.Cause;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.trace.TraceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failure detection records on a LAN pool, read without polling the clock. */
class DetectionRecorderTest {
    static SerfPoolHarness pool(long seed, List<String> notes) {
        SerfPoolHarness p = SerfPoolHarness.builder().seed(seed).size(10).config(GossipConfig.lan())
                .startMode(StartMode.PRE_JOINED).build();
        p.world().trace().addSink((t, kind, src, dst, type, detail) -> {
            if (kind == TraceKind.NOTE) {
                notes.add(type + " " + detail);
            }
        });
        p.start();
        p.runFor(Duration.ofSeconds(10));
        return p;
    }

    @Test
    void when_aMemberCrashes_then_itsDetectionShowsWhoSuspectedConfirmedAndDeclared() {
        List<String> notes = new ArrayList<>();
        SerfPoolHarness p = pool(5, notes);
        long crashAt = p.now();
        p.crash("m4");
        p.runFor(Duration.ofSeconds(60));
        List<Detection> d = p.detections().of("m4");
        assertThat(d).hasSize(1);
        Detection x = d.get(0);
        assertThat(x.firstSuspectedAtNanos()).isGreaterThan(crashAt);
        assertThat(x.suspicions().get(0).cause()).isEqualTo(Cause.PROBE);
        assertThat(x.suspicions().get(0).observer()).isEqualTo(x.firstSuspectedBy());
        // All nine survivors declared the death, some on their own suspicion timer.
        assertThat(x.declarations()).extracting(Detection.Step::observer).doesNotHaveDuplicates().hasSize(9);
        assertThat(x.declaredOnOwnTimer()).isBetween(1L, 9L);
        // n = 10: Lifeguard expects suspicionMult - 2 = 2 independent confirmations per suspicion.
        assertThat(x.confirmations()).isNotEmpty().allSatisfy(c -> assertThat(c.count()).isBetween(1, 2));
        assertThat(x.refuted()).isFalse();
        assertThat(x.firstDeclaredAtNanos()).isGreaterThan(x.firstSuspectedAtNanos());
        assertThat(notes).anyMatch(n -> n.startsWith("gossip.suspect PROBE"))
                .anyMatch(n -> n.startsWith("gossip.dead own-timer"))
                .anyMatch(n -> n.startsWith("gossip.confirm"));
    }

    @Test
    void when_aSuspectedMemberComesBack_then_itsRefutationClosesTheDetection() {
        List<String> notes = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            SerfPoolHarness p = pool(seed, notes);
            // Frozen long enough to miss probes, short enough to beat the suspicion timeout.
            p.pause("m4");
            p.runFor(Duration.ofSeconds(3));
            p.resume("m4");
            p.runFor(Duration.ofSeconds(30));
            for (Detection x : p.detections().of("m4")) {
                assertThat(x.refuted()).isTrue();
                assertThat(x.refutations().get(0).accusation()).isIn(MemberState.SUSPECT, MemberState.DEAD);
                assertThat(x.refutations().get(0).incarnation()).isGreaterThan(x.incarnation());
            }
            assertThat(p.allLiveSee("m4", MemberState.ALIVE)).isTrue();
        }
        assertThat(notes).anyMatch(n -> n.startsWith("gossip.refute SUSPECT"));
    }
}
