package io.clustersim.scenarios.run;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.testkit.property.Seeds;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs a scenario's replications: run {@code i} uses {@link #seed(long, int)} of the scenario's seed,
 * so the first is the scenario's own run and every run can be replayed alone. They run side by
 * side on a {@link RunPool}, in replication order whatever the thread count. Only the first keeps
 * its telemetry (the charts are drawn from it); the others keep their metrics.
 */
public final class Replications {
    /** Told after each replication finishes (from whichever thread ran it). */
    @FunctionalInterface
    public interface Progress {
        void done(int finished, int total);
    }

    private Replications() {}

    /** The seed of replication {@code i}: the base seed itself for the first, the testkit's try seeds after. */
    public static long seed(long base, int i) {
        return i == 0 ? base : Seeds.forTry(base, i - 1);
    }

    /**
     * Every replication of {@code scenario}, in order.
     *
     * @throws InvariantViolated from the lowest-numbered replication that broke one
     */
    public static List<RunResult> run(Scenario scenario, int threads, Progress progress) {
        return run(scenario, threads, seed -> null, fresh -> {}, progress);
    }

    /**
     * Every replication of {@code scenario}, in order, taking those {@code finished} already knows
     * (by seed; null for one not yet run) instead of running them, and handing each newly run one to
     * {@code fresh} as soon as it completes (from the thread that ran it).
     *
     * @throws InvariantViolated from the lowest-numbered replication that broke one
     */
    public static List<RunResult> run(Scenario scenario, int threads, LongFunction<RunResult> finished, Consumer<RunResult> fresh,
            Progress progress) {
        int n = scenario.replications();
        return RunPool.map(n, threads, i -> {
            long seed = seed(scenario.seed(), i);
            RunResult known = finished.apply(seed);
            if (known != null) {
                return known;
            }
            RunResult r = new ScenarioRunner().run(scenario.withSeed(seed), null);
            fresh.accept(r);
            // Reports draw the first run's charts only; a thousand runs' telemetry would fill the heap.
            return i == 0 ? r : r.withoutTelemetry();
        }, (done, r) -> progress.done(done, n));
    }
}
