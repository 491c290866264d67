package io.clustersim.cli;

import io.clustersim.kernel.time.Durations;
import io.clustersim.scenarios.run.InvariantViolated;
import java.io.PrintWriter;
import java.nio.file.Path;

/** What a person needs when a safety invariant breaks: where, which, and how to replay it. */
final class ViolationReport {
    private ViolationReport() {}

    static void print(PrintWriter err, InvariantViolated v, Path scenarioFile) {
        err.println("SAFETY VIOLATION in scenario " + v.scenario() + " with seed " + v.seed());
        err.println("  invariant: " + v.invariant());
        err.println("  at simulated time " + Durations.format(v.atNanos()));
        err.println("  " + v.getMessage());
        err.println("  last " + v.traceTail().size() + " trace events:");
        for (String line : v.traceTail()) {
            err.println("    " + line);
        }
        err.println("  replay: clustersim run " + (scenarioFile == null ? "<scenario>" : scenarioFile)
                + " --seed " + v.seed() + " --trace trace.jsonl");
        err.println("no report was written");
        err.flush();
    }
}
