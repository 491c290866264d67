package io.clustersim.gossip.faulttolerance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.memberlist.MemberlistFormulas;
import io.clustersim.gossip.pool.StartMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How long a LAN pool takes to declare a crashed member dead, against bounds derived from the
 * configuration (memberlist state.go, awareness.go, util.go; memberlist suspicion.go, util.go suspicionTimeout).
 */
class DetectionTimeTest {
    private static final int SEEDS = 10;

    /** First and all detection seconds for one crash per seed. */
    private static List<double[]> measure(int n) {
        List<double[]> samples = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            SerfPoolHarness pool = SerfPoolHarness.builder().size(n).seed(seed).config(GossipConfig.lan())
                    .startMode(StartMode.PRE_JOINED).build();
            pool.start();
            pool.runFor(Duration.ofSeconds(30));
            pool.crash("m" + (1 + seed % n));
            pool.runFor(Duration.ofSeconds(120));
            double first = pool.metrics().failureDetectionFirstSeconds().get(0);
            double all = pool.metrics().failureDetectionAllSeconds().get(0);
            samples.add(new double[] {first, all});
        }
        return samples;
    }

    @Test
    void lanPoolOf10_detectsACrashWithinConfigDerivedBounds() {
        int n = 10;
        MemberlistConfig c = GossipConfig.lan().memberlist();
        double probe = c.probeInterval().toNanos() / 1e9;
        double min = MemberlistFormulas.suspicionTimeoutNanos(c.suspicionMult(), n, c.probeInterval().toNanos()) / 1e9;
        double max = c.suspicionMaxTimeoutMult() * min;
        // Lower: a probe window (the first suspicion) plus the shortest suspicion, less one
        // network latency (the ping may have left just before the crash).
        double lower = probe + min - 0.001;
        // Upper: the longest wait to be probed (one round over n members), the window, the longest
        // suspicion, and a few probe periods for the news to reach everyone.
        double upper = n * probe + probe + max + 5 * probe;
        List<double[]> samples = measure(n);
        report(n, samples);
        for (double[] s : samples) {
            assertThat(s[0]).as("first detection").isBetween(lower, upper);
            assertThat(s[1]).as("all detected").isBetween(s[0], upper);
        }
    }

    @Test
    void lanPoolsOf5And20_measured() {
        for (int n : new int[] {5, 20}) {
            List<double[]> samples = measure(n);
            report(n, samples);
            assertThat(samples).hasSize(SEEDS);
        }
    }

    private static void report(int n, List<double[]> samples) {
        double sumFirst = 0;
        double sumAll = 0;
        double maxAll = 0;
        for (double[] s : samples) {
            sumFirst += s[0];
            sumAll += s[1];
            maxAll = Math.max(maxAll, s[1]);
        }
        System.out.printf(Locale.ROOT, "LAN detection, %d members, %d crashes: first mean %.2f s, all mean %.2f s, all max %.2f s%n",
                n, samples.size(), sumFirst / samples.size(), sumAll / samples.size(), maxAll);
    }
}
