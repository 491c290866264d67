package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenarios/examples/capacity-planning.yaml} as its header describes it: every size under
 * every load in the sizing table, a knee per size, a recommendation, and the charts.
 */
class CapacityPlanningExampleTest {
    @Test
    void when_theCapacityPlanningExampleRuns_then_itsReportHasTheSizingTableKneesAndARecommendation(@TempDir Path dir) throws Exception {
        Cli.Outcome o = Cli.run("run", Path.of("..", "scenarios", "examples", "capacity-planning.yaml").toString(), "--no-progress",
                "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("sweep of 16 variants").contains("### Capacity plan");

        JsonNode plan = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("capacityPlan");
        assertThat(plan.get("plannedClients").asLong()).isEqualTo(20000);
        assertThat(plan.get("sizes")).hasSize(16);
        assertThat(plan.get("knees")).hasSize(4);
        for (JsonNode size : plan.get("sizes")) {
            // Load reaches the servers, and the steady state commits well within the service level on every size.
            assertThat(size.get("busiestServerCpuUtilisation").asDouble()).isPositive();
            assertThat(size.get("busiestServerCpuOfferedLoad").asDouble()).isCloseTo(size.get("busiestServerCpuUtilisation").asDouble(),
                    org.assertj.core.api.Assertions.within(0.01));
            assertThat(size.get("commitP99Ms").asDouble()).isLessThan(100);
        }
        // Large servers keep every client through the start's registration storm at every load tried.
        for (JsonNode knee : plan.get("knees")) {
            if (knee.get("size").asText().contains("large")) {
                assertThat(knee.get("firstClientsMissingSlo").isNull()).as(knee.toString()).isTrue();
            }
        }
        assertThat(plan.get("recommendation").asText()).isEqualTo("3 x large (16 cores)");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Capacity plan").contains("Busiest server&apos;s CPU utilisation against clients")
                .contains("Recommended: 3 x large (16 cores)");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("| size | meets the SLOs up to | first misses them at |");
    }
}
