package io.clustersim.raft.membership;

/** Whether a server's vote counts (hashicorp/raft's Suffrage). */
public enum Suffrage {
    /** Votes in elections, counts towards commitment and the leader lease. */
    VOTER,
    /** Receives the log but never votes, never campaigns and never counts towards a quorum. */
    NONVOTER
}
