package io.clustersim.gossip.experiment;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.config.ProbeTargets;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.trace.TraceKind;
import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The SWIM paper's first-detection result (Das, Gupta and Motivala 2002, section 3.1): with each
 * of the {@code n-1} survivors probing one member chosen uniformly at random per protocol period,
 * the number of periods until some survivor probes a failed member is geometric with mean
 * {@code 1 / (1 - (1 - 1/(n-1))^(n-1))}, which tends to {@code e / (e - 1)} = 1.582.
 *
 * <p>One trial: a converged LAN pool of {@code n} members with random probe targets runs a few
 * periods, one member crashes at a uniformly random instant, and the trial counts the periods
 * (measured from the crash, so each holds exactly one probe tick of every survivor) until the
 * first direct ping addressed to it leaves a survivor, read from the kernel trace.
 */
public final class FirstProbeExperiment {
    private FirstProbeExperiment() {}

    /** The SWIM paper's expectation. */
    public static double expectedPeriods(int n) {
        return 1 / (1 - Math.pow(1 - 1.0 / (n - 1), n - 1));
    }

    /** One trial: protocol periods from the crash to the first probe of the crashed member. */
    public static int trial(int n, long seed, ProbeTargets targets) {
        GossipConfig config = GossipConfig.lan().withMemberlist(GossipConfig.lan().memberlist().toBuilder()
                .probeTargets(targets).build());
        SerfPoolHarness pool = SerfPoolHarness.builder().seed(seed).size(n).config(config)
                .startMode(StartMode.PRE_JOINED).build();
        long period = config.memberlist().probeInterval().toNanos();
        UniformRandomProvider rng = pool.world().streams().stream("experiment").rng();
        String victim = "m" + (1 + rng.nextInt(n));
        long[] firstProbe = {-1};
        pool.world().trace().addSink((time, kind, src, dst, type, detail) -> {
            if (firstProbe[0] < 0 && kind == TraceKind.SEND && victim.equals(dst) && "Ping".equals(type)) {
                firstProbe[0] = time;
            }
        });
        pool.start();
        // Let every member's probe ticker start (each begins after a random stagger of one period).
        pool.runFor(Duration.ofNanos(2 * period + (long) (rng.nextDouble() * period)));
        firstProbe[0] = -1;
        long crashAt = pool.now();
        pool.crash(victim);
        pool.runUntil(() -> firstProbe[0] >= 0, Duration.ofNanos(1000 * period));
        if (firstProbe[0] < 0) {
            throw new IllegalStateException("nobody probed " + victim + " in 1000 periods (seed " + seed + ")");
        }
        // Period k covers (crash + (k-1) T, crash + k T]; a probe at the crash instant is period 1.
        return (int) Math.max(1, (firstProbe[0] - crashAt + period - 1) / period);
    }

    /** Mean periods over trials 1..trials and its two-sided confidence interval (Student's t). */
    public record Estimate(int n, int trials, double mean, double low, double high, double expected) {
        public boolean covers(double value) {
            return low <= value && value <= high;
        }
    }

    public static Estimate estimate(int n, int trials, double confidence, ProbeTargets targets) {
        double[] x = new double[trials];
        for (int i = 0; i < trials; i++) {
            x[i] = trial(n, i + 1, targets);
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (trials - 1);
        double t = TDistribution.of(trials - 1).inverseCumulativeProbability(0.5 + confidence / 2);
        double half = t * Math.sqrt(var / trials);
        return new Estimate(n, trials, mean, mean - half, mean + half, expectedPeriods(n));
    }
}
