package io.clustersim.benchmarks.nomad;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The benchmark's cases are valid scenarios and what they time is deterministic (no timing asserted). */
class NomadDeploymentBenchmarkTest {

    @Test
    void when_theCasesAreRead_then_theyHaveTheServersAndRegionsTheyAreNamedFor() {
        ScenarioReader reader = new ScenarioReader();
        assertThat(NomadDeploymentBenchmark.CASES).extracting(c -> reader.read(c.name(), c.yaml()).topology().totalServers())
                .containsExactly(3, 5, 9);
        assertThat(reader.read("f", NomadDeploymentBenchmark.CASES.get(2).yaml()).nomad().authoritativeRegion())
                .isEqualTo("us-east");
    }

    @Test
    void when_aCaseRunsTwice_then_itDoesTheSameWork() {
        NomadDeploymentBenchmark.Case region = NomadDeploymentBenchmark.CASES.get(0);
        NomadDeploymentBenchmark.Timing a = NomadDeploymentBenchmark.runOnce(region);
        NomadDeploymentBenchmark.Timing b = NomadDeploymentBenchmark.runOnce(region);
        assertThat(a.traceHash()).isEqualTo(b.traceHash());
        assertThat(a.events()).isEqualTo(b.events()).isGreaterThan(500_000);
    }
}
