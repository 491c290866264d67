package io.clustersim.raft.observe;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.membership.Configuration;

/** A read-only view of one server's state, valid while its process lives. */
public interface RaftView {
    NodeId id();

    Role role();

    long currentTerm();

    /** The leader this server knows of (itself when leader), or null. */
    NodeId leader();

    long commitIndex();

    long lastApplied();

    long lastLogIndex();

    long lastLogTerm();

    /** Index of the last entry folded into a snapshot (0 if none). */
    long snapshotIndex();

    /** The term at {@code index}, or -1 if this server does not hold it (compacted or beyond). */
    long termAt(long index);

    /** The log's prefix digest at {@code index}, or 0 if unknown (see {@link io.clustersim.raft.log.Digest}). */
    long prefixDigest(long index);

    /** The entry at {@code index}, or null if not held. */
    LogEntry entryAt(long index);

    /** The latest configuration in the log, committed or not. */
    Configuration configuration();

    /** Whether this server votes in its latest configuration. */
    boolean isVoter();

    /** Virtual time of the last successful contact from a leader (or of granting a vote). */
    long lastContactNanos();
}
