package io.clustersim.benchmarks;

import io.clustersim.benchmarks.hold.HoldModelBenchmark;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the HOLD benchmark and prints events per second.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.HoldModelMain [JMH options]
 * </pre>
 *
 * JMH options (e.g. {@code -p pending=1000 -i 10}) override the defaults on
 * {@link HoldModelBenchmark}.
 */
public final class HoldModelMain {
    private HoldModelMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(HoldModelBenchmark.class.getName())
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-15s %9s %14s %12s%n", "implementation", "pending", "events/s", "error (99.9%)");
        for (RunResult r : results) {
            var params = r.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            var score = r.getPrimaryResult();
            System.out.printf(Locale.ROOT, "%-15s %9s %14s %12s%n", name, params.getParam("pending"),
                    millions(score.getScore()), error(score.getScoreError()));
        }
    }

    private static String error(double perSecond) {
        // JMH gives no error bound for fewer than two measurement iterations.
        return Double.isNaN(perSecond) ? "n/a" : "± " + millions(perSecond);
    }

    private static String millions(double perSecond) {
        return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
    }
}
