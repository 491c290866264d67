package io.clustersim.raft.port;

import io.clustersim.raft.storage.DurableImage;
import io.clustersim.raft.storage.PersistOp;
import java.util.List;

/**
 * The server's disk. Writes complete in the order they were issued; a crash loses those not yet
 * complete.
 */
public interface RaftStorage {
    /** What survived on disk, read once when the server starts. */
    DurableImage.RecoveredState recover();

    /**
     * Writes {@code ops} as one synced write of {@code bytes}; once it is durable, the changes
     * reach the durable image and then {@code onSynced} runs.
     */
    void persist(List<PersistOp> ops, long bytes, Runnable onSynced);
}
