package io.clustersim.model.rpc;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The calling side of Nomad's RPC on one agent: sends requests, matches answers to them, and ends
 * each with a TIMEOUT answer if none came in time (the connection's I/O deadline). Requests and
 * answers travel FIFO, as over a TCP connection.
 */
public final class RpcCaller {
    private record Pending(Consumer<RpcResponse> onAnswer, Timer timeout) {}

    private final NodeContext ctx;
    /** By request id; a hash map, as nothing iterates it and every call puts and removes. */
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private long nextId = 1;

    /** @param ctx the agent's context (timers are named {@code rpc.timeout}) */
    public RpcCaller(NodeContext ctx) {
        this(ctx, 1);
    }

    /**
     * @param firstId the first request id: two callers on one node (a server and a client agent
     *     sharing a host) number apart, so each answer finds its caller
     */
    public RpcCaller(NodeContext ctx, long firstId) {
        this.ctx = ctx;
        this.nextId = firstId;
    }

    /** Sends {@code call} to {@code server}; {@code onAnswer} gets the answer or a TIMEOUT. */
    public void call(NodeId server, String region, RpcCall call, boolean allowStale, long timeoutNanos,
            Consumer<RpcResponse> onAnswer) {
        send(server, new RpcRequest(nextId, region, call, allowStale, 0), timeoutNanos, onAnswer);
    }

    /** Forwards {@code request} (one more hop) to {@code server}; the answer comes back under its id. */
    public void forward(NodeId server, RpcRequest request, long timeoutNanos, Consumer<RpcResponse> onAnswer) {
        send(server, request.forwarded(nextId), timeoutNanos, onAnswer);
    }

    private void send(NodeId server, RpcRequest request, long timeoutNanos, Consumer<RpcResponse> onAnswer) {
        long id = request.id();
        nextId++;
        Timer t = ctx.setTimer("rpc.timeout", timeoutNanos, () -> {
            if (pending.remove(id) != null) {
                onAnswer.accept(RpcResponse.error(id, RpcStatus.TIMEOUT));
            }
        });
        pending.put(id, new Pending(onAnswer, t));
        ctx.send(server, request, Delivery.FIFO);
    }

    /** An answer arrived: hands it to its caller; false if it is not (or no longer) awaited. */
    public boolean onResponse(RpcResponse r) {
        Pending p = pending.remove(r.id());
        if (p == null) {
            return false;
        }
        p.timeout().cancel();
        p.onAnswer().accept(r);
        return true;
    }

    /** Requests still awaiting an answer. */
    public int outstanding() {
        return pending.size();
    }
}
