package io.clustersim.raft.message;

/** The outcome a server reports for a client request. */
public enum ClientStatus {
    /** Done: a write is committed and applied, a read answered. */
    OK,
    /** This server is not the leader; the response names the leader it knows of. */
    NOT_LEADER,
    /** This server knows no leader (an election may be under way). */
    NO_LEADER,
    /**
     * The leader lost leadership before the request completed; a write may still commit
     * (hashicorp's ErrLeadershipLost), so a retry may apply it twice.
     */
    LEADERSHIP_LOST,
    /** The leader is transferring leadership and takes no writes meanwhile. */
    LEADERSHIP_TRANSFER
}
