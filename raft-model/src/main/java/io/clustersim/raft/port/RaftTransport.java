package io.clustersim.raft.port;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;

/** Sends a message; delivery is in order per destination (FIFO), and may fail silently. */
@FunctionalInterface
public interface RaftTransport {
    void send(NodeId to, Message message);
}
