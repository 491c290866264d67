package io.clustersim.scenarios.run;

import static io.clustersim.scenarios.run.ExampleScenariosTest.count;
import static io.clustersim.scenarios.run.ExampleScenariosTest.samples;
import static io.clustersim.scenarios.run.ExampleScenariosTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clustersim.scenarios.schema.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Servers and clients on the same hosts ({@code serversRunClients}): losing a host loses a server
 * and a client together, and the server's part is measured as on a host of its own.
 */
class CoLocatedHostsTest {
    @Test
    void when_theLeadersHostCrashes_then_gossipDetectionAndRejoinAreMeasuredAsForABareServer() throws IOException {
        String yaml = Files.readString(Path.of("examples", "leader-loss.yaml"))
                .replace("servers: 1, clients: 2 }", "servers: 1, clients: 2, serversRunClients: true }");
        assertThat(yaml).contains("serversRunClients: true");
        RunResult r = new ScenarioRunner().run(new ScenarioReader().read("co-located.yaml", yaml), null);

        // The survivors' Serf pool sees the crashed server's agent go: a probe round plus the
        // suspicion timeout, as in leader-loss.yaml with servers on hosts of their own.
        double[] detected = samples(r, "failureDetectionFirstSeconds");
        assertThat(detected).hasSize(1);
        assertThat(detected[0]).isBetween(30.0, 60.0);
        double[] rejoined = samples(r, "membershipConvergenceSeconds");
        assertThat(rejoined).hasSize(1);
        assertThat(rejoined[0]).isBetween(1.0, 10.0);
        assertThat(count(r, "elections")).isGreaterThanOrEqualTo(2);
        assertThat(count(r, "invariantViolations")).isZero();
        // Nine client nodes, three of them on the server hosts. The crashed host's client is not
        // marked down: the new leader's failover TTL (5 m) outlasts the one-minute outage. Back,
        // it registers again and spends a moment initializing; every node is always one or the other.
        assertThat(count(r, "nodesMarkedDown")).isZero();
        assertThat(value(r, "nodesInitializing")).isPositive();
        assertThat(value(r, "nodesReady") + value(r, "nodesInitializing")).isCloseTo(9.0, within(1e-9));
    }
}
