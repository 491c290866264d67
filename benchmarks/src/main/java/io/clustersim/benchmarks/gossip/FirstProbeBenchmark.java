package io.clustersim.benchmarks.gossip;

import io.clustersim.gossip.config.ProbeTargets;
import io.clustersim.gossip.experiment.FirstProbeExperiment;
import java.util.Locale;

/**
 * The SWIM paper's expected number of protocol periods to the first probe of a failed member,
 * measured with random probe targets (the paper's) and memberlist's round-robin, for pools of 5,
 * 10 and 100 ({@link FirstProbeExperiment}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.gossip.FirstProbeBenchmark [trials]
 * </pre>
 */
public final class FirstProbeBenchmark {
    private FirstProbeBenchmark() {}

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        System.out.printf(Locale.ROOT, "First probe of a crashed member, protocol periods (95%% interval), %d trials "
                + "(%d for n=100)%n", trials, trials / 5);
        System.out.printf(Locale.ROOT, "%4s | %8s %8s %8s | %8s | %12s%n", "n", "mean", "low", "high", "SWIM", "round-robin");
        for (int n : new int[] {5, 10, 100}) {
            int t = n >= 100 ? trials / 5 : trials;
            FirstProbeExperiment.Estimate r = FirstProbeExperiment.estimate(n, t, 0.95, ProbeTargets.RANDOM);
            FirstProbeExperiment.Estimate rr = FirstProbeExperiment.estimate(n, t, 0.95, ProbeTargets.ROUND_ROBIN);
            System.out.printf(Locale.ROOT, "%4d | %8.3f %8.3f %8.3f | %8.3f | %12.3f%n", n, r.mean(), r.low(), r.high(),
                    r.expected(), rr.mean());
        }
    }
}
