package io.clustersim.gossip.serf;

/** Serf's member status (serf {@code MemberStatus}). */
public enum MemberStatus {
    NONE,
    ALIVE,
    /** A leave intent was seen; memberlist's departure will make it {@link #LEFT}. */
    LEAVING,
    LEFT,
    /** memberlist declared it dead without a leave intent first. */
    FAILED
}
