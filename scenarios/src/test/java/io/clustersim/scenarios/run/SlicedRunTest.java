package io.clustersim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reporting progress slices a run; the run must not notice. */
class SlicedRunTest {
    @Test
    void when_aRunReportsProgress_then_itsTraceAndReportAreThoseOfTheUnslicedRun() {
        Scenario s = new ScenarioReader().read(Path.of("examples", "leader-loss.yaml"));
        List<Long> seen = new ArrayList<>();
        RunResult sliced = new ScenarioRunner().run(s, null, (now, end, events) -> seen.add(now));
        RunResult whole = new ScenarioRunner().run(s, null);
        assertThat(sliced.traceHash()).isEqualTo(whole.traceHash());
        assertThat(sliced.events()).isEqualTo(whole.events());
        assertThat(seen).hasSize(200).isSorted().last().isEqualTo(s.durationNanos());
    }
}
