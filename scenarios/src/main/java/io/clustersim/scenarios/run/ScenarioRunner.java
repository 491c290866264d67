package io.clustersim.scenarios.run;

import io.clustersim.kernel.World;
import io.clustersim.kernel.network.NetworkStats;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.trace.Trace;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.model.agent.ClientAgent;
import io.clustersim.model.agent.RpcCounters;
import io.clustersim.model.agent.ServerAgent;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.scenarios.schema.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one scenario with one seed. */
public final class ScenarioRunner {

    /** Runs {@code scenario} with its own seed; {@code traceSink} may be null. */
    public RunResult run(Scenario scenario, TraceSink traceSink) {
        Trace trace = new Trace();
        if (traceSink != null) {
            trace.addSink(traceSink);
        }
        World world = new World(scenario.seed(), scenario.network(), trace);
        RpcCounters rpc = new RpcCounters();
        List<AgentPlacement> placements = scenario.topology().placements();
        // Servers are added first so that clients can be given their region's server ids.
        Map<String, List<NodeId>> serversByRegion = new LinkedHashMap<>();
        for (AgentPlacement p : placements) {
            if (p.role() == Role.SERVER) {
                Node n = world.addNode(p.name(), p.placement(), scenario.disk(), ServerAgent::new);
                serversByRegion.computeIfAbsent(p.placement().region(), r -> new ArrayList<>()).add(n.id());
            }
        }
        for (AgentPlacement p : placements) {
            if (p.role() == Role.CLIENT) {
                List<NodeId> servers = serversByRegion.getOrDefault(p.placement().region(), List.of());
                long interval = scenario.workload().statusRpcIntervalNanos();
                world.addNode(p.name(), p.placement(), scenario.disk(), () -> new ClientAgent(servers, interval, rpc));
            }
        }
        for (Node n : world.nodes()) {
            n.start();
        }
        world.simulation().runUntil(scenario.durationNanos());

        NetworkStats net = world.network().stats();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("messagesSent", net.sent());
        counters.put("messagesDelivered", net.delivered());
        counters.put("messagesDropped", net.dropped());
        counters.put("clientRequests", rpc.requests());
        counters.put("clientResponses", rpc.responses());
        return new RunResult(scenario.name(), scenario.seed(), world.now(), world.simulation().eventsProcessed(),
                trace.hashHex(), counters, new LinkedHashMap<>());
    }
}
