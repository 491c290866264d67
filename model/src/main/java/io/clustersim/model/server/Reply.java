package io.clustersim.model.server;

import io.clustersim.model.rpc.RpcStatus;

/** Where a subsystem sends the answer to the request it serves. */
@FunctionalInterface
public interface Reply {
    void send(RpcStatus status, Object result, long index);

    default void ok(Object result, long index) {
        send(RpcStatus.OK, result, index);
    }

    default void error(RpcStatus status) {
        send(status, null, 0);
    }
}
