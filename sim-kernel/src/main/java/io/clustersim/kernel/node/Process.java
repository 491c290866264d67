package io.clustersim.kernel.node;

import io.clustersim.kernel.network.Message;

/**
 * The behaviour running on a node. A new instance is made for every start, so nothing volatile
 * survives a crash; what must survive lives on the node's disk.
 */
public interface Process {
    /** Called when the node starts or restarts; {@code ctx} stays valid until the next crash. */
    void start(NodeContext ctx);

    /** A message arrived. */
    void onMessage(NodeId from, Message message);

    /**
     * Asked to stop (an operator's SIGTERM or SIGINT): the process may finish what it must (a
     * graceful leave) and then calls {@link NodeContext#exit()}. The default exits at once.
     */
    default void onStop(NodeContext ctx, StopSignal signal) {
        ctx.exit();
    }
}
