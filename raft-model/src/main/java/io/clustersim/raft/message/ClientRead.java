package io.clustersim.raft.message;

import io.clustersim.raft.log.RequestId;

/** A read of one key. */
public record ClientRead(RequestId requestId, String key, ReadConsistency consistency) implements ClientMessage {
    @Override
    public int sizeBytes() {
        return 64 + key.length();
    }
}
