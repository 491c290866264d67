package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.run.InvariantViolated;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationReportTest {
    @Test
    void when_invariantBreaks_then_reportNamesScenarioSeedInvariantTraceTailAndReplay() {
        InvariantViolated v = new InvariantViolated("leader-loss", 42, "election safety",
                "two leaders in term 3: server-1, server-2", 61_500_000_000L,
                List.of("61.000000000s DELIVER server-1 -> server-2 RequestVote", "61.500000000s TIMER server-2 -> server-2 election"),
                null);
        StringWriter out = new StringWriter();
        ViolationReport.print(new PrintWriter(out), v, Path.of("scenarios/examples/leader-loss.yaml"));
        assertThat(out.toString())
                .contains("SAFETY VIOLATION in scenario leader-loss with seed 42")
                .contains("invariant: election safety")
                .contains("at simulated time 61.5s")
                .contains("two leaders in term 3")
                .contains("last 2 trace events")
                .contains("RequestVote")
                .contains("replay: clustersim run scenarios/examples/leader-loss.yaml --seed 42")
                .contains("no report was written");
    }
}
