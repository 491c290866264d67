package io.clustersim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuorumAvailabilityTest {
    @Test
    void when_twoOfThreeMustBeUp_then_theFormulaMatchesTheHandComputedCases() {
        // a^3 + 3 a^2 (1 - a): 0.9 gives 0.729 + 0.243 = 0.972.
        assertThat(QuorumAvailability.atLeast(2, 3, 0.9)).isCloseTo(0.972, within(1e-12));
        // 3 of 5 at 0.9: 0.9^5 + 5 * 0.9^4 * 0.1 + 10 * 0.9^3 * 0.01 = 0.59049 + 0.32805 + 0.0729.
        assertThat(QuorumAvailability.atLeast(3, 5, 0.9)).isCloseTo(0.99144, within(1e-12));
        assertThat(QuorumAvailability.atLeast(1, 1, 0.5)).isEqualTo(0.5);
        assertThat(QuorumAvailability.atLeast(0, 3, 0.2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void when_theScenarioHasFailureProcessesOfServers_then_theCrossCheckComesFromTheirMeans() {
        Scenario year = new ScenarioReader().read(Path.of("..", "scenarios", "examples", "long-run-stochastic.yaml"));
        // Node: MTTF 30 d, MTTR = log-normal mean exp(mu + sigma^2 / 2); zone likewise; 2 of 3.
        double nodeRepair = 3600 * Math.exp(Math.pow(Math.log(8) / 2.3263478740408408, 2) / 2);
        double zoneRepair = 7200 * Math.exp(Math.pow(Math.log(6) / 2.3263478740408408, 2) / 2);
        double a = (30 * 86400 / (30 * 86400 + nodeRepair)) * (180 * 86400 / (180 * 86400 + zoneRepair));
        assertThat(QuorumAvailability.of(year)).hasValueSatisfying(v -> assertThat(v).isCloseTo(
                QuorumAvailability.atLeast(2, 3, a), within(1e-9)));
        Scenario scripted = new ScenarioReader().read(Path.of("..", "scenarios", "examples", "leader-loss.yaml"));
        assertThat(QuorumAvailability.of(scripted)).isEmpty();
    }
}
