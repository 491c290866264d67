package io.clustersim.raft.message;

import io.clustersim.kernel.network.Message;
import io.clustersim.raft.log.RequestId;

/** A message between a client and a server. */
public sealed interface ClientMessage extends Message permits ClientWrite, ClientRead, ClientResponse {
    RequestId requestId();
}
