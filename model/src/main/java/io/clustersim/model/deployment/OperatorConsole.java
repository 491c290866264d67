package io.clustersim.model.deployment;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcResponse;

/** An operator's workstation: issues operator commands to servers as API calls. */
final class OperatorConsole implements Process {
    static final long TIMEOUT_NANOS = 10_000_000_000L;

    private NodeContext ctx;
    private RpcCaller caller;

    @Override
    public void start(NodeContext context) {
        this.ctx = context;
        this.caller = new RpcCaller(context.scoped("operator"));
    }

    /** {@code nomad server force-leave NODE}, sent to {@code server} of {@code region}. */
    void forceLeave(NodeId server, String region, String node) {
        if (caller != null) {
            caller.call(server, region, new RpcCall.ForceLeave(node), false, TIMEOUT_NANOS, r -> {});
        }
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof RpcResponse r) {
            caller.onResponse(r);
        }
    }
}
