package io.clustersim.scenarios.run;

import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.scenarios.schema.Scenario;

/** Runs one scenario with its seed. */
public final class ScenarioRunner {
    /** Told now and then how far a long run has come, in simulated time and events. */
    @FunctionalInterface
    public interface Progress {
        void simulated(long nowNanos, long endNanos, long events);
    }

    /**
     * Runs {@code scenario}; {@code traceSink} (may be null) receives every trace event.
     *
     * @throws InvariantViolated if a safety invariant broke
     */
    public RunResult run(Scenario scenario, TraceSink traceSink) {
        return DeploymentRun.run(scenario, traceSink, null);
    }

    /** As {@link #run(Scenario, TraceSink)}, telling {@code progress} how far it has come. */
    public RunResult run(Scenario scenario, TraceSink traceSink, Progress progress) {
        return DeploymentRun.run(scenario, traceSink, progress);
    }
}
