package io.clustersim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class CostEstimateTest {
    private static String fleet(int clients, String duration) {
        return """
                name: fleet
                duration: %s
                topology:
                  regions:
                    - name: us-east
                      datacenters:
                        - name: dc1
                          zones:
                            - { name: a, servers: 2, clients: %d }
                            - { name: b, servers: 2, clients: %d }
                            - { name: c, servers: 1, clients: %d }
                jobs:
                  - name: api
                    groups: [ { name: api, count: 30, cpu: 1000, memory: 1GB, spread: zone } ]
                """.formatted(duration, clients / 3, clients / 3, clients - 2 * (clients / 3));
    }

    @Test
    void when_aRunsCostIsEstimated_then_itIsWithinAFactorOfTwoOfTheEventsItTakes() {
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : List.of("leader-loss", "az-failure", "wan-latency", "leader-failover-clients")) {
            scenarios.add(reader.read(Path.of("examples", name + ".yaml")));
        }
        // A fleet big enough that the leader's TTLs hold its heartbeats near 50 a second.
        scenarios.add(reader.read("fleet.yaml", fleet(3000, "40m")));
        for (Scenario s : scenarios) {
            long actual = new ScenarioRunner().run(s, null).events();
            assertThat((double) CostEstimate.of(s).events()).as(s.name()).isBetween(actual / 2.0, actual * 2.0);
        }
    }

    @Test
    void when_theFleetGrowsPastTheHeartbeatRateLimit_then_itsHeartbeatEventsStopGrowingButItsQueriesDoNot() {
        ScenarioReader reader = new ScenarioReader();
        CostEstimate none = CostEstimate.of(reader.read("f.yaml", fleet(3, "1h")));
        CostEstimate tenThousand = CostEstimate.of(reader.read("f.yaml", fleet(10_000, "1h")));
        CostEstimate hundredThousand = CostEstimate.of(reader.read("f.yaml", fleet(100_000, "1h")));
        double fleet10k = tenThousand.events() - none.events();
        double fleet100k = hundredThousand.events() - none.events();
        // Heartbeats: 10,000 / (1.5 x 200 s) = 33 a second either way; queries: one per client per 5 min.
        assertThat(fleet10k / 3600).isCloseTo(4.6 * 10_000 / 300.0 + 2 * 10_000 / 300.0, Percentage.withPercentage(1));
        assertThat(fleet100k / fleet10k).isBetween(3.0, 5.0);
        // A day of 10,000 clients is announced as a long run and shows its progress.
        assertThat(CostEstimate.of(reader.read("f.yaml", fleet(10_000, "24h"))).wallSeconds()).isGreaterThan(60);
    }
}
