package io.clustersim.raft.statemachine;

import io.clustersim.raft.log.Command;

/**
 * The state machine a server applies committed commands to (hashicorp/raft's FSM). A new instance
 * is made at every process start; its state comes back from the latest snapshot and the log.
 */
public interface StateMachine {
    /** Applies the command committed at {@code index}; returns its result. */
    String apply(long index, Command command);

    /** The current value of {@code key}, or null. */
    String read(String key);

    /** An immutable image of the current state. */
    StateSnapshot snapshot();

    /** Replaces the state with {@code snapshot}'s. */
    void restore(StateSnapshot snapshot);
}
