package io.clustersim.raft.message;

/** The answer to an {@link InstallSnapshot}; {@code lastIndex} echoes the snapshot's last index. */
public record InstallSnapshotResponse(long term, boolean success, long lastIndex, long seq) implements RaftMessage {
    @Override
    public int sizeBytes() {
        return 48;
    }
}
