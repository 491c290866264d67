package io.clustersim.raft.core;

/** Why a host's write or barrier did not complete (hashicorp/raft's ErrNotLeader, ErrLeadershipLost, ...). */
public enum ApplyError {
    /** This server is not the leader. */
    NOT_LEADER,
    /** It stopped leading before the entry applied; the entry may still commit under the next leader. */
    LEADERSHIP_LOST,
    /** A leadership transfer is under way. */
    LEADERSHIP_TRANSFER
}
