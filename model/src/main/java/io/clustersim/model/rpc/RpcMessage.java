package io.clustersim.model.rpc;

import io.clustersim.kernel.network.Message;

/** A message of Nomad's RPC protocol (TCP 4647 between agents). */
public sealed interface RpcMessage extends Message permits RpcRequest, RpcResponse {
    /** The caller's identifier of the request; the answer echoes it. */
    long id();
}
