package io.clustersim.gossip.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.pool.StartMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Lifeguard paper's experiment in small: a few members become slow, and we count how often
 * healthy members are declared dead. Lifeguard (awareness stretching the slow members' probe
 * windows, nacks telling them the fault is theirs, suspicion timeouts that need independent
 * confirmations) should produce markedly fewer such false failures than plain SWIM.
 */
class LifeguardExperimentTest {
    private static final int MEMBERS = 16;
    private static final List<String> SLOW = List.of("m1", "m2", "m3");
    private static final int SEEDS = 4;

    /** Healthy-member false failures summed over seeds. */
    private static int falseFailuresOfHealthy(boolean lifeguard, Slowness slowness) {
        int total = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            SerfPoolHarness pool = SerfPoolHarness.builder().size(MEMBERS).seed(seed)
                    .config(GossipConfig.lan().withLifeguard(lifeguard))
                    .startMode(StartMode.PRE_JOINED).build();
            pool.start();
            pool.runFor(Duration.ofSeconds(10));
            slowness.apply(pool);
            total += pool.metrics().falseFailuresOfHealthyMembers();
        }
        return total;
    }

    private interface Slowness {
        void apply(SerfPoolHarness pool);
    }

    /** Slow message processing: every message of the slow members handled {@code delay} late, for two minutes. */
    private static Slowness slowProcessing(Duration delay) {
        return pool -> {
            for (String s : SLOW) {
                pool.setProcessingDelay(s, delay);
            }
            pool.runFor(Duration.ofMinutes(2));
        };
    }

    /** Long stop-the-world pauses: 6 s in every 10 s, staggered, for two minutes. */
    private static void longPauses(SerfPoolHarness pool) {
        for (int cycle = 0; cycle < 12; cycle++) {
            for (int i = 0; i < SLOW.size(); i++) {
                pool.pause(SLOW.get(i));
                pool.runFor(Duration.ofSeconds(2));
            }
            for (String s : SLOW) {
                pool.resume(s);
            }
            pool.runFor(Duration.ofSeconds(4));
        }
    }

    @Test
    void slowMessageProcessing_lifeguardCausesMarkedlyFewerFalseFailuresOfHealthyMembers() {
        int on = 0;
        int off = 0;
        for (int seconds : new int[] {2, 5, 8}) {
            int delayOn = falseFailuresOfHealthy(true, slowProcessing(Duration.ofSeconds(seconds)));
            int delayOff = falseFailuresOfHealthy(false, slowProcessing(Duration.ofSeconds(seconds)));
            report("slow processing (" + seconds + " s)", delayOn, delayOff);
            on += delayOn;
            off += delayOff;
        }
        report("slow processing (2, 5 and 8 s together)", on, off);
        assertThat(off).isPositive();
        assertThat(on * 4).as("Lifeguard on (%d) vs off (%d)", on, off).isLessThan(off);
    }

    /**
     * Pauses freeze a member's timers as well as its messages, so a paused member does not accuse
     * healthy peers in either mode; only the paused members themselves are falsely declared dead.
     * Measured and reported; the direction must still hold.
     */
    @Test
    void longPauses_lifeguardCausesNoMoreFalseFailuresOfHealthyMembers() {
        int on = falseFailuresOfHealthy(true, LifeguardExperimentTest::longPauses);
        int off = falseFailuresOfHealthy(false, LifeguardExperimentTest::longPauses);
        report("long pauses (6 s of 10 s)", on, off);
        assertThat(on).as("Lifeguard on (%d) vs off (%d)", on, off).isLessThanOrEqualTo(off);
    }

    private static void report(String what, int on, int off) {
        System.out.printf(Locale.ROOT, "Lifeguard experiment, %d members, %d slow, %s, %d seeds: "
                + "false failures of healthy members on=%d off=%d ratio on/off=%.3f%n",
                MEMBERS, SLOW.size(), what, SEEDS, on, off, off == 0 ? Double.NaN : (double) on / off);
    }
}
