package io.clustersim.scenarios.run;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.FaultListener;
import io.clustersim.faults.NodeControls;
import io.clustersim.faults.TargetResolver;
import io.clustersim.gossip.harness.GossipMetrics;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.scenarios.schema.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain Serf pool: members with no Nomad role run memberlist + Serf only. Faults go through the
 * pool harness so that failure detection is timed from the moment of the crash.
 */
final class SerfPoolRun {
    private SerfPoolRun() {}

    static RunResult run(Scenario scenario, TraceSink traceSink) {
        List<AgentPlacement> members = scenario.topology().placements();
        SerfPoolHarness pool = SerfPoolHarness.builder()
                .seed(scenario.seed())
                .names(members.stream().map(AgentPlacement::name).toList())
                .placements(members.stream().map(AgentPlacement::placement).toList())
                .config(scenario.gossip())
                .agentStartup(scenario.agentStartup())
                .network(scenario.network())
                .startMode(SerfPoolBuilder.StartMode.PRE_JOINED)
                .build();
        World world = pool.world();
        if (traceSink != null) {
            world.trace().addSink(traceSink);
        }
        NodeControls controls = new NodeControls() {
            @Override
            public void crash(Node node) {
                pool.crash(node.name());
            }

            @Override
            public void start(Node node) {
                pool.restart(node.name());
            }

            @Override
            public void pause(Node node) {
                pool.pause(node.name());
            }

            @Override
            public void resume(Node node) {
                pool.resume(node.name());
            }
        };
        new FailureInjector(world, TargetResolver.byPlace(world, target -> List.of()), controls, FaultListener.NONE).install(scenario.failures());
        pool.start();
        world.simulation().runUntil(scenario.durationNanos());

        GossipMetrics g = pool.metrics();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        NetworkCounters.put(world, metrics);
        Map<String, Metric> detection = new LinkedHashMap<>();
        detection.put("first", Metric.Samples.of(g.failureDetectionFirstSeconds()));
        detection.put("all", Metric.Samples.of(g.failureDetectionAllSeconds()));
        metrics.put("failureDetectionSeconds", new Metric.Group(detection));
        metrics.put("falseFailures", new Metric.Count(g.falseFailures()));
        metrics.put("falseFailuresOfHealthyMembers", new Metric.Count(g.falseFailuresOfHealthyMembers()));
        metrics.put("membershipConvergenceSeconds", Metric.Samples.of(g.membershipConvergenceSeconds()));
        metrics.put("gossipMessagesPerMemberPerSecond", new Metric.Value(g.gossipMessagesPerMemberPerSecond()));
        return new RunResult(scenario.name(), scenario.seed(), world.now(), world.simulation().eventsProcessed(),
                world.trace().hashHex(), metrics);
    }
}
