package io.clustersim.raft.message;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.RequestId;

/**
 * A server's answer to a client request.
 *
 * @param leaderHint the leader the answering server knows of, or null
 * @param index for a write, the log index it was committed at; for a read, the index it reflects
 * @param term for a write, the term of its entry
 * @param value for a read, the value (null if absent); for a write, the state machine's result
 */
public record ClientResponse(RequestId requestId, ClientStatus status, NodeId leaderHint, long index, long term,
        String value) implements ClientMessage {
    public static ClientResponse of(RequestId id, ClientStatus status, NodeId leaderHint) {
        return new ClientResponse(id, status, leaderHint, 0, 0, null);
    }

    @Override
    public int sizeBytes() {
        return 64 + (value == null ? 0 : value.length());
    }
}
