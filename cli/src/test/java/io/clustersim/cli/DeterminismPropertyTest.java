package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.reports.json.ReportJson;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.gen.TopologySpec;
import io.clustersim.testkit.property.Property;

/** Rule 1 tested end to end: a (scenario, seed) pair fixes the trace and the report bytes. */
class DeterminismPropertyTest {

    /** The drawn topology as a scenario file, read as a user's would be. */
    static Scenario scenario(TopologySpec spec, long seed, double loss) {
        StringBuilder y = new StringBuilder("name: prop\nseed: " + seed + "\nduration: 30s\nwarmup: 0s\ntopology:\n  regions:\n");
        for (TopologySpec.Region r : spec.regions()) {
            y.append("    - name: ").append(r.name()).append("\n      datacenters:\n        - name: ").append(r.name())
                    .append("-dc\n          zones:\n");
            for (TopologySpec.Zone z : r.zones()) {
                y.append("            - { name: ").append(z.name()).append(", servers: ").append(z.servers())
                        .append(", clients: ").append(z.clients()).append(" }\n");
            }
        }
        y.append("network:\n  latency: { sameZone: { lognormal: { median: 1ms, p99: 5ms } }, crossZone: { lognormal: { median: 1ms, p99: 5ms } } }\n");
        y.append("  lossProbability: ").append(loss).append("\n");
        y.append("disk: { fsync: { exponential: { mean: 1ms } }, iops: 1000 }\n");
        return new ScenarioReader().read("generated.yaml", y.toString());
    }

    @Property(tries = 60)
    void when_sameScenarioAndSeedRunTwice_then_traceAndReportAreIdentical(Draws draws) {
        TopologySpec topology = draws.draw(Gens.topologies(2, 3, 2, 3), "topology");
        long seed = draws.draw(Gens.seeds(), "seed");
        double loss = draws.draw(Gens.doubles(0, 0.2), "loss");
        Scenario s = scenario(topology, seed, loss);
        RunResult first = new ScenarioRunner().run(s, null);
        RunResult second = new ScenarioRunner().run(s, null);
        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(ReportJson.render(second)).isEqualTo(ReportJson.render(first));
    }

    @Property(tries = 60)
    void when_seedsDiffer_then_tracesDiffer(Draws draws) {
        TopologySpec topology = draws.draw(Gens.topologies(2, 3, 2, 3).filter(t -> t.totalClients() > 0), "topology");
        long seed = draws.draw(Gens.seeds(), "seed");
        Scenario s = scenario(topology, seed, 0);
        RunResult a = new ScenarioRunner().run(s, null);
        RunResult b = new ScenarioRunner().run(s.withSeed(seed + 1), null);
        assertThat(b.traceHash()).isNotEqualTo(a.traceHash());
    }
}
