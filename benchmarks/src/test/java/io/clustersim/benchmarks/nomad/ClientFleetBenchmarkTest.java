package io.clustersim.benchmarks.nomad;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import org.junit.jupiter.api.Test;

/** The fleet benchmark's scenario is valid and a run reports what it cost (no timing asserted). */
class ClientFleetBenchmarkTest {

    @Test
    void when_theScenarioIsRead_then_itHasFiveServersOverThreeZonesAndTheClientsAsked() {
        Scenario s = new ScenarioReader().read("fleet.yaml", ClientFleetBenchmark.scenario(1_000, "1h"));
        assertThat(s.topology().totalServers()).isEqualTo(5);
        assertThat(ClientFleetBenchmark.scenario(1_000, "1h")).contains("clients: 334", "clients: 333");
    }

    @Test
    void when_aSmallFleetRunsTwice_then_itDoesTheSameWorkAndReportsItsCosts() {
        ClientFleetBenchmark.Cost a = ClientFleetBenchmark.run(30, "10m");
        ClientFleetBenchmark.Cost b = ClientFleetBenchmark.run(30, "10m");
        assertThat(a.traceHash()).matches("[0-9a-f]{16}").isEqualTo(b.traceHash());
        assertThat(a.events()).isEqualTo(b.events()).isPositive();
        assertThat(a.cpuSeconds()).isPositive();
        assertThat(a.gcSeconds()).isNotNegative();
        assertThat(a.liveHeapBytes()).isPositive();
        assertThat(a.peakHeapBytes()).isPositive();
    }
}
