package io.clustersim.raft.statemachine;

import java.util.Objects;

/**
 * An immutable image of a state machine's state, passed by reference (the simulator moves no
 * bytes); {@code sizeBytes} is what writing or sending it costs.
 */
public record StateSnapshot(Object state, long sizeBytes) {
    public StateSnapshot {
        Objects.requireNonNull(state, "state");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }
}
