package io.clustersim.scenarios.run;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.FaultListener;
import io.clustersim.faults.Target;
import io.clustersim.faults.TargetResolver;
import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.trace.Trace;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.model.agent.ClientAgent;
import io.clustersim.model.agent.RpcCounters;
import io.clustersim.model.agent.ServerAgent;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.model.topology.Topology;
import io.clustersim.raft.check.SafetyViolation;
import io.clustersim.raft.client.ClientConfig;
import io.clustersim.raft.elections.Election;
import io.clustersim.raft.harness.RaftClusterHarness;
import io.clustersim.raft.metrics.RaftMetrics;
import io.clustersim.scenarios.schema.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Nomad deployment: servers run Raft (one cluster per region) and answer status RPCs, client
 * agents call them, and API users in each region submit a steady stream of writes. The invariant
 * checker watches every run; a violation ends it at once.
 */
final class NomadRun {
    private NomadRun() {}

    static RunResult run(Scenario scenario, TraceSink traceSink) {
        Trace trace = new Trace();
        if (traceSink != null) {
            trace.addSink(traceSink);
        }
        World world = new World(scenario.seed(), scenario.network(), trace);
        List<AgentPlacement> placements = scenario.topology().placements();
        List<RaftClusterHarness> regions = new ArrayList<>();
        Map<String, List<NodeId>> serversByRegion = new LinkedHashMap<>();
        for (Topology.Region region : scenario.topology().regions()) {
            List<AgentPlacement> servers = placements.stream()
                    .filter(p -> p.role() == Role.SERVER && p.placement().region().equals(region.name())).toList();
            if (servers.isEmpty()) {
                continue;
            }
            RaftClusterHarness.Builder b = RaftClusterHarness.builder(world)
                    .config(scenario.raft())
                    .disk(scenario.disk())
                    .serverProcess(ServerAgent::new)
                    .clientConfig(ClientConfig.of(Duration.ofNanos(scenario.workload().writeTimeoutNanos()), 3,
                            Duration.ofMillis(100)));
            for (AgentPlacement s : servers) {
                b.server(s.name(), s.placement());
            }
            if (scenario.workload().writesPerSecond() > 0) {
                b.client("writer-" + region.name(), servers.get(0).placement(), scenario.workload().writesPerSecond());
            }
            RaftClusterHarness h = b.build();
            regions.add(h);
            serversByRegion.put(region.name(), h.serverNames().stream().map(n -> world.node(n).id()).toList());
        }
        RpcCounters rpc = new RpcCounters();
        for (AgentPlacement p : placements) {
            if (p.role() == Role.CLIENT) {
                List<NodeId> servers = serversByRegion.getOrDefault(p.placement().region(), List.of());
                long interval = scenario.workload().statusRpcIntervalNanos();
                world.addNode(p.name(), p.placement(), scenario.disk(), () -> new ClientAgent(servers, interval, rpc)).start();
            }
        }
        new FailureInjector(world, TargetResolver.byPlace(world, target -> resolveRole(world, regions, target)), FaultListener.NONE).install(scenario.failures());
        try {
            world.simulation().runUntil(scenario.durationNanos());
        } catch (SafetyViolation v) {
            throw new InvariantViolated(scenario.name(), scenario.seed(), v.invariant(), v.getMessage(), world.now(),
                    trace.tail(), v);
        }

        Map<String, Metric> metrics = new LinkedHashMap<>();
        NetworkCounters.put(world, metrics);
        metrics.put("clientRequests", new Metric.Count(rpc.requests()));
        metrics.put("clientResponses", new Metric.Count(rpc.responses()));
        long elections = 0;
        long leaderChanges = 0;
        long writesOk = 0;
        long writesFailed = 0;
        long violations = 0;
        long lost = 0;
        double leaderless = 0;
        List<Double> recover = new ArrayList<>();
        List<Double> seenByFollowers = new ArrayList<>();
        List<Double> rounds = new ArrayList<>();
        List<Double> commit = new ArrayList<>();
        for (RaftClusterHarness h : regions) {
            RaftMetrics m = h.metrics();
            elections += m.elections();
            leaderChanges += m.leaderChanges();
            leaderless += m.leaderlessSeconds();
            writesOk += m.writesOk();
            writesFailed += m.writesFailed();
            violations += m.invariantViolations();
            lost += m.committedWritesLost();
            recover.addAll(m.timeToRecoverSeconds());
            commit.addAll(m.commitLatencyMs());
            for (Election e : h.elections().elections()) {
                rounds.add((double) e.terms());
                long seen = e.leaderlessAsSeenByFollowersNanos();
                if (seen >= 0) {
                    seenByFollowers.add(seen / 1e9);
                }
            }
        }
        metrics.put("elections", new Metric.Count(elections));
        metrics.put("leaderChanges", new Metric.Count(leaderChanges));
        metrics.put("leaderlessSeconds", new Metric.Value(leaderless));
        metrics.put("timeToRecoverSeconds", Metric.Samples.of(recover));
        metrics.put("leaderlessAsSeenByFollowersSeconds", Metric.Samples.of(seenByFollowers));
        metrics.put("electionRounds", Metric.Samples.of(rounds));
        metrics.put("commitLatencyMs", Metric.Samples.of(commit));
        metrics.put("writesSucceeded", new Metric.Count(writesOk));
        metrics.put("writesFailed", new Metric.Count(writesFailed));
        // Of the writes that finished, the fraction that succeeded: the control plane's write availability.
        metrics.put("writeAvailability", new Metric.Value(writesOk + writesFailed == 0 ? Double.NaN
                : writesOk / (double) (writesOk + writesFailed)));
        metrics.put("invariantViolations", new Metric.Count(violations));
        metrics.put("committedWritesLost", new Metric.Count(lost));
        return new RunResult(scenario.name(), scenario.seed(), world.now(), world.simulation().eventsProcessed(),
                trace.hashHex(), metrics);
    }

    /**
     * Leader: the leader of each region's Raft cluster. Follower: in each region, the first live
     * server by name that is not the leader.
     */
    private static List<Node> resolveRole(World world, List<RaftClusterHarness> regions, Target target) {
        List<Node> out = new ArrayList<>();
        for (RaftClusterHarness h : regions) {
            var leader = h.leader();
            if (target instanceof Target.Leader) {
                leader.ifPresent(l -> out.add(world.node(l)));
            } else {
                h.serverNames().stream()
                        .filter(s -> !leader.map(s::equals).orElse(false))
                        .map(world::node)
                        .filter(n -> n.state() == NodeState.UP)
                        .findFirst()
                        .ifPresent(out::add);
            }
        }
        return out;
    }
}
