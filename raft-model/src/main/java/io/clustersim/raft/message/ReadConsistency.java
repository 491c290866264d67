package io.clustersim.raft.message;

/** How fresh a read must be (Nomad's {@code stale} query option; thesis, section 6.4). */
public enum ReadConsistency {
    /**
     * Linearizable: the leader records its commit index, confirms with a round of heartbeats that
     * a quorum still follows it, waits until it has applied that index, then answers.
     */
    CONSISTENT,
    /** Any server answers from its own state machine at once; may be arbitrarily stale. */
    STALE
}
