package io.clustersim.model.host;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.model.client.ClientAgent;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.server.ServerAgent;
import java.util.Objects;

/**
 * One host running both a Nomad server and a Nomad client (a topology option): losing the host
 * loses both. Messages go to the server, except answers to the client's own requests (their ids
 * start at {@link ClientAgent#RPC_ID_BASE}); a stop is the server's to handle, and the client
 * goes with the process.
 */
public final class HostAgent implements Process {
    private final ServerAgent server;
    private final ClientAgent client;

    public HostAgent(ServerAgent server, ClientAgent client) {
        this.server = Objects.requireNonNull(server, "server");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void start(NodeContext ctx) {
        server.start(ctx);
        client.start(ctx.scoped("client"));
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof RpcResponse r && r.id() >= ClientAgent.RPC_ID_BASE) {
            client.onMessage(from, message);
        } else {
            server.onMessage(from, message);
        }
    }

    @Override
    public void onStop(NodeContext ctx, StopSignal signal) {
        server.onStop(ctx, signal);
    }

    public ServerAgent server() {
        return server;
    }

    public ClientAgent client() {
        return client;
    }
}
