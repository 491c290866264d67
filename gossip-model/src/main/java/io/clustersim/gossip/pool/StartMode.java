package io.clustersim.gossip.pool;

/** How a {@link SerfPool} comes together at time zero. */
public enum StartMode {
    /** Everyone starts knowing everyone alive: measure steady state from time zero. */
    PRE_JOINED,
    /** The seeds start alone; every other member starts and joins through the seeds. */
    SEED_JOIN
}
