package io.clustersim.benchmarks.raft;

import io.clustersim.raft.experiment.SplitVoteExperiment;
import java.util.Locale;

/**
 * The split-vote probability of Ongaro's thesis, section 9.2, for clusters of 3, 5, 7 and 9
 * servers with one or two failed, against the closed form, each from 100,000 trials of the real
 * vote logic ({@link SplitVoteExperiment}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.raft.SplitVoteBenchmark [trials]
 * </pre>
 */
public final class SplitVoteBenchmark {
    private SplitVoteBenchmark() {}

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf(Locale.ROOT, "Split votes: s of n servers up, one-way latency l (share of the timeout range), %d trials each%n",
                trials);
        System.out.printf(Locale.ROOT, "%3s %3s %5s | %9s %9s %9s%n", "n", "s", "l", "measured", "closed", "diff");
        for (int n : new int[] {3, 5, 7, 9}) {
            for (int s = n - 1; s >= n - 2 && s > n / 2; s--) {
                for (double l : new double[] {0.01, 0.05, 0.1, 0.2}) {
                    double m = SplitVoteExperiment.measure(n, s, l, trials);
                    double c = SplitVoteExperiment.closedForm(n, s, l);
                    System.out.printf(Locale.ROOT, "%3d %3d %5.2f | %9.4f %9.4f %+9.4f%n", n, s, l, m, c, m - c);
                }
            }
        }
    }
}
