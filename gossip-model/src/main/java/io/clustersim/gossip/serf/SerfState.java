package io.clustersim.gossip.serf;

/** The local Serf agent's own lifecycle (serf {@code SerfState}). */
public enum SerfState {
    ALIVE,
    LEAVING,
    LEFT,
    SHUTDOWN
}
