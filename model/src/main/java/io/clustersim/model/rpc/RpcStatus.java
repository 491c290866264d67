package io.clustersim.model.rpc;

/** How a request ended (nomad {@code structs.Err*}). */
public enum RpcStatus {
    OK,
    /** No leader in the region within the hold timeout (structs.ErrNoLeader). */
    NO_LEADER,
    /** No known live server in the requested region (structs.ErrNoRegionPath). */
    NO_REGION_PATH,
    /** A new leader has not finished establishing its leadership (structs.ErrNotReadyForConsistentReads). */
    NOT_READY_FOR_CONSISTENT_READS,
    /** The leader stepped down before the write was applied; it may still commit. */
    LEADERSHIP_LOST,
    /** The forwarded request got no answer in time. */
    TIMEOUT,
    /** Forwarded too many times between servers that each believed another led. */
    TOO_MANY_HOPS
}
