package io.clustersim.raft.membership;

/** The immediate answer to a membership change or leadership transfer request on a server. */
public enum ChangeResult {
    /** Appended to the log (or, for a transfer, started); the outcome shows in the observer. */
    ACCEPTED,
    /** This server is not the leader. */
    NOT_LEADER,
    /**
     * Another configuration change is not yet committed (at most one may be outstanding,
     * thesis section 4.1), or a leadership transfer is running.
     */
    BUSY,
    /** The change would not change anything, or names an unsuitable server. */
    INVALID
}
