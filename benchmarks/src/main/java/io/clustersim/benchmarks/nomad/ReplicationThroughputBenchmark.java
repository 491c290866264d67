package io.clustersim.benchmarks.nomad;

import io.clustersim.scenarios.run.Replications;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Replications per second of wall time on one thread and on two: ten simulated minutes of losing
 * the leader's AZ (one region, three AZs, probes in every AZ; {@code scenarios/az-failure-10m.yaml}).
 * A warm-up on both threads comes first, so the JIT compiler has done its work before anything is
 * timed. Then {@code n} replications on one thread, {@code n} on two, and the two reports compared
 * (they must be equal: the thread count changes nothing but the time).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.nomad.ReplicationThroughputBenchmark [n]
 * </pre>
 */
public final class ReplicationThroughputBenchmark {
    private ReplicationThroughputBenchmark() {}

    static Scenario scenario() throws IOException {
        try (InputStream in = ReplicationThroughputBenchmark.class.getResourceAsStream("/scenarios/az-failure-10m.yaml")) {
            return new ScenarioReader().read("az-failure-10m.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Wall seconds for {@code n} replications on {@code threads} threads, and the runs. */
    record Timed(double seconds, List<RunResult> runs) {}

    static Timed time(Scenario s, int n, int threads) {
        long t0 = System.nanoTime();
        List<RunResult> runs = Replications.run(s.withReplications(n), threads, (d, t) -> {});
        return new Timed((System.nanoTime() - t0) / 1e9, runs);
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Scenario s = scenario();
        Timed warm = time(s.withSeed(999), Math.max(50, n / 5), 2);
        Timed one = time(s, n, 1);
        Timed two = time(s, n, 2);
        for (int i = 0; i < n; i++) {
            if (!one.runs().get(i).traceHash().equals(two.runs().get(i).traceHash())) {
                throw new AssertionError("replication " + i + " differs between one thread and two");
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %d replications in %.1f s on 2 threads%n", warm.runs().size(), warm.seconds());
        System.out.printf(Locale.ROOT, "1 thread:  %d replications in %.1f s, %.1f per second%n", n, one.seconds(), n / one.seconds());
        System.out.printf(Locale.ROOT, "2 threads: %d replications in %.1f s, %.1f per second%n", n, two.seconds(), n / two.seconds());
        System.out.printf(Locale.ROOT, "speed-up: %.2fx (events per run: %,d)%n", one.seconds() / two.seconds(), one.runs().get(0).events());
    }
}
