package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.model.topology.Topology;
import io.clustersim.reports.json.ReportJson;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.Workload;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.gen.TopologySpec;
import io.clustersim.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;

/** Rule 1 tested end to end: a (scenario, seed) pair fixes the trace and the report bytes. */
class DeterminismPropertyTest {

    static Scenario scenario(TopologySpec spec, long seed, double loss) {
        List<Topology.Region> regions = new ArrayList<>();
        for (TopologySpec.Region r : spec.regions()) {
            List<Topology.Zone> zones = new ArrayList<>();
            for (TopologySpec.Zone z : r.zones()) {
                zones.add(new Topology.Zone(z.name(), z.servers(), z.clients()));
            }
            regions.add(new Topology.Region(r.name(), List.of(new Topology.Datacenter(r.name() + "-dc", zones))));
        }
        NetworkConfig net = NetworkConfig.uniform(Distribution.LogNormal.ofMedianAndP99(1e6, 5e6)).withLoss(loss);
        return new Scenario("prop", "", seed, 30_000_000_000L, new Topology(regions), net,
                new DiskConfig(new Distribution.Exponential(1e6), 1000), RaftConfig.hashicorp(), GossipConfig.nomadServer(),
                new Distribution.Constant(0), new Workload(500_000_000L, 5, 2_000_000_000L), List.of(), "generated");
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
