package io.clustersim.model.rpc;

import java.util.Objects;

/**
 * A request to a server: a {@link RpcCall} for {@code region}, with the caller's consistency
 * choice. {@code hops} counts forwards so far, so a request bouncing between servers with stale
 * views of the leader ends instead of looping.
 */
public record RpcRequest(long id, String region, RpcCall call, boolean allowStale, int hops) implements RpcMessage {
    public RpcRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(call, "call");
    }

    public RpcRequest forwarded(long newId) {
        return new RpcRequest(newId, region, call, allowStale, hops + 1);
    }

    @Override
    public int sizeBytes() {
        return 128 + call.sizeBytes();
    }

    /** RPC kinds for message faults: {@code RpcRequest:<method>}, e.g. {@code RpcRequest:Job.Register}. */
    @Override
    public boolean isKind(String kind) {
        return RpcMessage.super.isKind(kind) || kind.equals("RpcRequest:" + call.method());
    }
}
