package io.clustersim.scenarios.api;

import io.clustersim.scenarios.check.ScenarioCheck;
import io.clustersim.scenarios.schema.FailuresWriter;
import java.util.Optional;

/**
 * What {@link ClusterSim#check} found.
 *
 * @param minimal the shrunk first failure, if any run failed
 */
public record CheckReport(int runs, int failed, Optional<ScenarioCheck.Minimal> minimal) {
    public boolean passed() {
        return failed == 0;
    }

    /** For an assertion message: what broke, the seed and the minimal failures block. */
    public String describe() {
        if (minimal.isEmpty()) {
            return runs + " runs, none failed";
        }
        ScenarioCheck.Minimal m = minimal.get();
        return runs + " runs, " + failed + " failed; minimal case: " + String.join("; ", m.broken()) + "\nseed: " + m.seed() + "\n"
                + FailuresWriter.block(m.schedule());
    }
}
