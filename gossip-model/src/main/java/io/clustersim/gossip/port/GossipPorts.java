package io.clustersim.gossip.port;

import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import org.apache.commons.rng.UniformRandomProvider;

/** What the gossip core needs from its host. Implementations must be deterministic. */
public interface GossipPorts {
    /** This member's address. */
    NodeId self();

    /** Virtual time in nanoseconds. */
    long now();

    /** Datagram for packets (lossy), FIFO for stream messages (push-pull, fallback ping). */
    void send(NodeId to, GossipMessage message, Delivery delivery);

    /** Runs {@code action} after {@code delayNanos}; the handle cancels it. */
    Timer setTimer(String name, long delayNanos, Runnable action);

    /** The member's own seeded random stream; every random choice of the protocol comes from it. */
    UniformRandomProvider random();
}
