package io.clustersim.model.rpc;

import java.util.Objects;

/**
 * The answer to a {@link RpcRequest}.
 *
 * @param result the call's result when {@code status} is OK (null otherwise, or for no result)
 * @param index the Raft index the answer reflects (a write's index, a read's state index)
 */
public record RpcResponse(long id, RpcStatus status, Object result, long index) implements RpcMessage {
    public RpcResponse {
        Objects.requireNonNull(status, "status");
    }

    public static RpcResponse error(long id, RpcStatus status) {
        return new RpcResponse(id, status, null, 0);
    }

    public boolean ok() {
        return status == RpcStatus.OK;
    }

    @Override
    public int sizeBytes() {
        return 96;
    }
}
