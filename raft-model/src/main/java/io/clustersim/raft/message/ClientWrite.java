package io.clustersim.raft.message;

import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;

/** A write: the leader appends it and answers once it is committed and applied. */
public record ClientWrite(RequestId requestId, Command command) implements ClientMessage {
    @Override
    public int sizeBytes() {
        return 64 + command.sizeBytes();
    }
}
