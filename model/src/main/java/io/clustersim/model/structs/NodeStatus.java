package io.clustersim.model.structs;

/** nomad {@code structs.NodeStatusInit}, {@code Ready}, {@code Down}, {@code Disconnected}. */
public enum NodeStatus {
    INITIALIZING,
    READY,
    DOWN,
    DISCONNECTED;

    /** Whether the leader keeps a heartbeat timer for a node in this status (every status but down). */
    public boolean heartbeats() {
        return this != DOWN;
    }
}
