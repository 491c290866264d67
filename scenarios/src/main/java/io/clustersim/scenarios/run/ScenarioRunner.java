package io.clustersim.scenarios.run;

import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.scenarios.schema.Scenario;

/** Runs one scenario with its seed. */
public final class ScenarioRunner {

    /**
     * Runs {@code scenario}; {@code traceSink} (may be null) receives every trace event.
     *
     * @throws InvariantViolated if a safety invariant broke
     */
    public RunResult run(Scenario scenario, TraceSink traceSink) {
        return DeploymentRun.run(scenario, traceSink);
    }
}
