package io.clustersim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Load reaching the servers: the same fleet on servers that keep up and on a leader too slow for
 * its heartbeats, whose queue makes heartbeats late and nodes falsely marked down.
 */
class ServerCapacityRunTest {
    private static String fleet(String capacity) {
        return """
                name: fleet
                seed: 3
                duration: 6m
                topology:
                  regions:
                    - name: us-east
                      datacenters:
                        - name: dc1
                          zones:
                            - { name: a, servers: 1, clients: 100 }
                            - { name: b, servers: 1, clients: 100 }
                            - { name: c, servers: 1, clients: 100 }
                probes: { interval: 5s, timeout: 5s }
                """ + capacity;
    }

    private static RunResult run(String capacity) {
        Scenario s = new ScenarioReader().read("fleet.yaml", fleet(capacity));
        return new ScenarioRunner().run(s, null);
    }

    private static double max(RunResult r, String key) {
        double[] v = ((Metric.Samples) r.metrics().get(key)).values();
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    @Test
    void when_everyCostIsZero_then_theRunIsEventForEventTheOneWithoutACpuModel() {
        // A class of its own, with no disk of its own: the servers keep the scenario's disk.
        StringBuilder zero = new StringBuilder("capacity:\n  instance: same\n  instances: { same: { cores: 16, memory: 64GB } }\n  costs:\n");
        for (io.clustersim.model.capacity.Operation o : io.clustersim.model.capacity.Operation.values()) {
            zero.append("    ").append(o.key()).append(": 0s\n");
        }
        RunResult plain = run("");
        RunResult free = run(zero.toString());
        assertThat(free.traceHash()).isEqualTo(plain.traceHash());
        assertThat(free.events()).isEqualTo(plain.events());
        assertThat(max(free, "serverCpuUtilisation")).isZero();
    }

    @Test
    void when_theLeaderIsTooSlowForItsHeartbeats_then_itFallsBehindAndMarksLiveNodesDown() {
        RunResult plain = run("");
        assertThat(plain.metrics()).doesNotContainKey("serverCpuUtilisation");
        assertThat(plain.count("nodesFalselyMarkedDown")).isZero();

        RunResult sized = run("capacity: { instance: small }\n");
        assertThat(sized.count("nodesFalselyMarkedDown")).isZero();
        assertThat(max(sized, "serverCpuUtilisation")).isBetween(1e-6, 0.2);
        assertThat(max(sized, "serverCpuOfferedLoad")).isCloseTo(max(sized, "serverCpuUtilisation"), org.assertj.core.api.Assertions.within(0.01));

        // One core, 100 ms per heartbeat: 300 clients heartbeating every 10 to 20 s want 2 cores.
        // Each client waits for its answer (or gives up) before the next heartbeat, so the leader
        // is offered about what it serves, and is busy most of the run (the first seconds, before
        // the clients register, are idle).
        RunResult slow = run("""
                capacity:
                  instance: tiny
                  instances: { tiny: { cores: 1, memory: 1GB } }
                  costs: { heartbeat: 100ms }
                """);
        assertThat(max(slow, "serverCpuOfferedLoad")).isGreaterThan(0.7);
        assertThat(max(slow, "serverCpuUtilisation")).isGreaterThan(0.7);
        assertThat(max(slow, "serverCpuWaitMs")).isGreaterThan(1000);
        assertThat(slow.count("nodesFalselyMarkedDown")).isPositive();
        // Heartbeats wait their turn behind each other: handling takes far longer than their 100 ms cost.
        assertThat(max(slow, "heartbeatProcessingMs")).isGreaterThan(1000);
        assertThat(max(sized, "heartbeatProcessingMs")).isLessThan(100);
        assertThat(max(sized, "stateMegabytes")).isPositive();
    }
}
