package io.clustersim.scenarios.run;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.testkit.property.Seeds;
import java.util.List;

/**
 * Runs a scenario's replications: run {@code i} uses {@link #seed(long, int)} of the scenario's seed,
 * so the first is the scenario's own run and every run can be replayed alone. They run side by
 * side on a {@link RunPool}, in replication order whatever the thread count.
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
        int n = scenario.replications();
        return RunPool.map(n, threads, i -> new ScenarioRunner().run(scenario.withSeed(seed(scenario.seed(), i)), null),
                (finished, r) -> progress.done(finished, n));
    }
}
