package com.example.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.scenarios.api.ClusterSim;
import io.clustersim.scenarios.api.Results;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.Property;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** For random AZ failures of our topology, writes recover within 10 s. */
class AzFailureRecoveryTest {
    private static final long S = 1_000_000_000L;
    private static final Scenario TOPOLOGY = ClusterSim.load(Path.of("src/test/resources/my-topology.yaml"));

    @Property(tries = 8)
    void whenAnyAzFailsAtAnyTime_writesRecoverWithinTenSeconds(Draws draws) {
        String zone = draws.draw(Gens.elements(List.of("us-east-1a", "us-east-1b", "us-east-1c")), "zone");
        long at = draws.draw(Gens.integers(60L, 180L), "at seconds");
        long down = draws.draw(Gens.integers(10L, 120L), "down seconds");
        long seed = draws.draw(Gens.seeds(), "seed");

        Scenario s = TOPOLOGY.withSeed(seed)
                .withFailures(List.of(new ScheduledFault(at * S, new Fault.Crash(new Target.Zone(zone)), down * S)));
        Results r = ClusterSim.run(s);

        // Losing the leader's AZ costs an election (about 2 s) and a probe's timed-out call (5 s).
        assertTrue(r.writesRecoveredWithin(Duration.ofSeconds(10)), () -> "writes did not recover: " + r.brokenExpectations(
                new io.clustersim.scenarios.schema.Expectations(10 * S, false, -1, 0, 0)));
        assertEquals(0, r.committedWritesLost());
    }
}
