package io.clustersim.model.agent;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.kernel.RaftHost;
import io.clustersim.raft.kernel.RaftProcess;

/**
 * A Nomad server agent: a Raft server (the control plane's state) that also answers client
 * agents' status RPCs. Later issues add Serf, heartbeat tracking and autopilot beside Raft on the
 * same node.
 */
public final class ServerAgent implements Process, RaftHost {
    private final RaftProcess raft;
    private NodeContext ctx;

    public ServerAgent(RaftProcess raft) {
        this.raft = raft;
    }

    @Override
    public void start(NodeContext ctx) {
        this.ctx = ctx;
        raft.start(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof StatusPing ping) {
            ctx.send(from, new StatusPong(ping.requestId()), Delivery.FIFO);
        } else {
            raft.onMessage(from, message);
        }
    }

    @Override
    public RaftServer raftServer() {
        return raft.server();
    }
}
