package io.clustersim.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {
    private static Scenario scenario(String instance, int servers, int clients, boolean capacity) {
        return new ScenarioReader().read("p.yaml", """
                name: p
                duration: 10m
                topology:
                  regions:
                    - name: r
                      servers: %d
                      clients: %d
                      datacenters:
                        - name: dc
                          zones: [ { name: a }, { name: b }, { name: c } ]
                """.formatted(servers, clients) + (capacity ? "capacity: { instance: " + instance + ", slo: { headroom: 0.5 } }\n" : ""));
    }

    /** One run with the figures a plan reads. */
    private static double stateMb = 1;

    private static RunResult run(double cpu, double commitP99Ms, long falseDowns) {
        Map<String, Metric> m = new LinkedHashMap<>();
        m.put("writeAvailability", new Metric.Value(1.0));
        m.put("nodesFalselyMarkedDown", new Metric.Count(falseDowns));
        m.put("serverCpuUtilisation", new Metric.Samples(new double[] {cpu / 2, cpu}));
        m.put("serverCpuOfferedLoad", new Metric.Samples(new double[] {cpu / 2, cpu}));
        double[] commit = new double[100];
        for (int i = 0; i < 100; i++) {
            commit[i] = i < 98 ? 5 : commitP99Ms;
        }
        m.put("afterWarmup", new Metric.Group(Map.of("raftCommitTimeMs", new Metric.Samples(commit))));
        m.put("heartbeatProcessingMs", new Metric.Samples(new double[] {0.2, 0.4}));
        // A state that grows with the fleet: 0.5 MB per client (a huge state, to reach the memory warning).
        m.put("stateMegabytes", new Metric.Samples(new double[] {stateMb}));
        return new RunResult("p", 1, 600_000_000_000L, 1, "h", m);
    }

    private static CapacityPlan.Variant variant(String instance, int servers, int clients, double cpu, double commitP99, long falseDowns) {
        stateMb = clients * 0.5;
        return new CapacityPlan.Variant("clients=" + clients + ", instance=" + instance + ", servers=" + servers,
                scenario(instance, servers, clients, true), List.of(run(cpu, commitP99, falseDowns)));
    }

    @Test
    void when_sizesAreSwept_then_eachHasItsKneeAndTheSmallestThatHoldsEverywhereIsRecommended() {
        List<CapacityPlan.Variant> vs = new ArrayList<>();
        // 3 x small: fine at 1,000; misses at 10,000 (a false down), fine again at 20,000 (luck): not recommended.
        vs.add(variant("small", 3, 1000, 0.1, 20, 0));
        vs.add(variant("small", 3, 10000, 0.2, 30, 1));
        vs.add(variant("small", 3, 20000, 0.3, 40, 0));
        // 5 x small: meets everywhere but runs too hot at 20,000 for 50% headroom.
        vs.add(variant("small", 5, 1000, 0.1, 20, 0));
        vs.add(variant("small", 5, 10000, 0.3, 30, 0));
        vs.add(variant("small", 5, 20000, 0.6, 40, 0));
        // 3 x large: meets everywhere, cool: 48 cores.
        vs.add(variant("large", 3, 1000, 0.05, 20, 0));
        vs.add(variant("large", 3, 10000, 0.1, 30, 0));
        vs.add(variant("large", 3, 20000, 0.2, 90, 0));
        // 5 x large: also fine, but bigger.
        vs.add(variant("large", 5, 1000, 0.05, 20, 0));
        vs.add(variant("large", 5, 10000, 0.1, 150, 0));
        vs.add(variant("large", 5, 20000, 0.2, 40, 0));

        CapacityPlan plan = CapacityPlan.of(vs).orElseThrow();
        assertThat(plan.plannedLoad()).isEqualTo(20000);
        assertThat(plan.recommendation()).hasValueSatisfying(s -> assertThat(s.label()).isEqualTo("3 x large (16 cores)"));
        assertThat(plan.knees()).extracting(k -> k.size().label() + ":" + k.lastMet() + ":" + k.firstMissed()).containsExactly(
                "3 x small (4 cores):1000:10000", "5 x small (4 cores):20000:0", "3 x large (16 cores):20000:0",
                "5 x large (16 cores):1000:10000");
        CapacityPlan.Row hot = plan.rows().get(5);
        assertThat(hot.meets()).isTrue();
        assertThat(hot.withHeadroom()).as("60% busy, 50% headroom asked").isFalse();
        assertThat(hot.cpuUtilisation()).isEqualTo(0.6);
        assertThat(plan.rows().get(8).commitP99Ms()).isEqualTo(90);

        // 20,000 clients at 0.5 MB each: 10 GB, over half of a small server's 16 GiB, well under a large one's 64.
        assertThat(plan.memoryWarnings()).containsExactly(
                "3 x small (4 cores) with 20,000 clients: the state takes 58% of each server's memory",
                "5 x small (4 cores) with 20,000 clients: the state takes 58% of each server's memory");
        assertThat(plan.rows().get(0).heartbeatP99Ms()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(0.01));
        ObjectNode json = PlanReport.json(plan);
        assertThat(json.get("warnings")).hasSize(2);
        assertThat(json.get("recommendation").asText()).isEqualTo("3 x large (16 cores)");
        assertThat(json.get("targets").get("headroom").asDouble()).isEqualTo(0.5);
        assertThat(json.get("sizes")).hasSize(12);
        assertThat(json.get("knees").get(1).get("firstClientsMissingSlo").isNull()).isTrue();
        assertThat(PlanReport.markdown(plan)).contains("| 5 x small (4 cores) | 20000 |").contains("no headroom")
                .contains("Recommended: 3 x large (16 cores)");
        assertThat(PlanReport.html(plan)).contains("<svg").contains("Raft commit p99 against clients").contains("beyond the loads tried");
    }

    @Test
    void when_noSizeHolds_then_theVerdictSaysSoAndWithoutCapacityThereIsNoPlan() {
        CapacityPlan plan = CapacityPlan.of(List.of(variant("small", 3, 1000, 0.9, 500, 0))).orElseThrow();
        assertThat(plan.recommendation()).isEmpty();
        assertThat(PlanReport.verdict(plan)).startsWith("No size tried meets the service levels at 1,000 clients");
        assertThat(PlanReport.json(plan).get("recommendation").isNull()).isTrue();
        CapacityPlan.Variant plain = new CapacityPlan.Variant("x", scenario("small", 3, 10, false), List.of(run(0, 5, 0)));
        assertThat(CapacityPlan.of(List.of(plain))).isEmpty();
    }
}
