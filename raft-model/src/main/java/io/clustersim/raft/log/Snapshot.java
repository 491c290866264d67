package io.clustersim.raft.log;

import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.statemachine.StateSnapshot;
import java.util.Objects;

/**
 * A snapshot of the state machine after applying every entry up to {@code lastIndex} (Raft paper,
 * section 7), with the configuration in force at that index.
 *
 * @param prefixDigest the log's prefix digest at {@code lastIndex}; a checker aid that lets the
 *     receiver's log keep answering digest queries after compaction (real Raft has no such field)
 */
public record Snapshot(long lastIndex, long lastTerm, long prefixDigest, Configuration configuration,
        long configurationIndex, StateSnapshot state) {
    /** Metadata overhead on the wire and on disk. */
    public static final int HEADER_BYTES = 128;

    public Snapshot {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(state, "state");
    }

    /** Bytes to transfer and to write: the state's size plus metadata. */
    public long sizeBytes() {
        return HEADER_BYTES + state.sizeBytes();
    }

    @Override
    public String toString() {
        return "Snapshot[" + lastIndex + "@" + lastTerm + ", " + state.sizeBytes() + " B]";
    }
}
