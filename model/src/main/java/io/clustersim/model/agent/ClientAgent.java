package io.clustersim.model.agent;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A Nomad client agent. Every {@code intervalNanos} it calls one server of its region, picked
 * from its own random stream; the first call comes after a random stagger in [0, interval), as
 * Nomad staggers clients' first heartbeats.
 */
public final class ClientAgent implements Process {
    private final List<NodeId> servers;
    private final long intervalNanos;
    private final RpcCounters counters;
    private final Map<Long, Long> outstanding = new LinkedHashMap<>();
    private NodeContext ctx;
    private UniformRandomProvider random;
    private long nextRequestId;

    public ClientAgent(List<NodeId> servers, long intervalNanos, RpcCounters counters) {
        this.servers = List.copyOf(servers);
        this.intervalNanos = intervalNanos;
        this.counters = counters;
    }

    @Override
    public void start(NodeContext ctx) {
        this.ctx = ctx;
        this.random = ctx.random("rpc");
        if (!servers.isEmpty() && intervalNanos > 0) {
            ctx.setTimer("status-rpc", (long) (random.nextDouble() * intervalNanos), this::call);
        }
    }

    private void call() {
        // An answer later than one interval counts as lost: forget it, so lost calls do not pile up.
        outstanding.remove(nextRequestId - 1);
        NodeId server = servers.get(random.nextInt(servers.size()));
        long id = ++nextRequestId;
        outstanding.put(id, ctx.now());
        counters.requests++;
        ctx.send(server, new StatusPing(id), Delivery.FIFO);
        ctx.setTimer("status-rpc", intervalNanos, this::call);
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof StatusPong pong) {
            Long sent = outstanding.remove(pong.requestId());
            if (sent != null) {
                counters.responses++;
                counters.roundTripNanosTotal += ctx.now() - sent;
            }
        }
    }
}
