package io.clustersim.model.agent;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;

/** A Nomad server agent. For now it only answers status RPCs. */
public final class ServerAgent implements Process {
    private NodeContext ctx;

    @Override
    public void start(NodeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof StatusPing ping) {
            ctx.send(from, new StatusPong(ping.requestId()), Delivery.FIFO);
        }
    }
}
