package io.clustersim.gossip.port;

import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@link GossipPorts} on a kernel node's context. A host running several protocols on one node (a
 * Nomad server: Raft and Serf) builds one of these for the gossip part, with its own random stream
 * name so that Raft's draws and Serf's never shift each other.
 */
public final class NodeContextPorts implements GossipPorts {
    private final NodeContext ctx;
    private final UniformRandomProvider random;

    /** @param randomStream name of the node's stream for gossip, e.g. {@code "serf"} */
    public NodeContextPorts(NodeContext ctx, String randomStream) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.random = ctx.random(randomStream);
    }

    @Override
    public NodeId self() {
        return ctx.self();
    }

    @Override
    public long now() {
        return ctx.now();
    }

    @Override
    public void send(NodeId to, GossipMessage message, Delivery delivery) {
        ctx.send(to, message, delivery);
    }

    @Override
    public Timer setTimer(String name, long delayNanos, Runnable action) {
        return ctx.setTimer(name, delayNanos, action);
    }

    @Override
    public UniformRandomProvider random() {
        return random;
    }
}
