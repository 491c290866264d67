package io.clustersim.raft.message;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.Snapshot;

/**
 * InstallSnapshot (paper, section 7 and Figure 13), sent in one piece. Its size is the state's
 * size, so on a bandwidth-limited link a large state takes correspondingly long to arrive.
 */
public record InstallSnapshot(long term, NodeId leader, Snapshot snapshot, long seq) implements RaftMessage {
    @Override
    public int sizeBytes() {
        return (int) Math.min(Integer.MAX_VALUE, 64 + snapshot.sizeBytes());
    }
}
