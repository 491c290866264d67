package io.clustersim.raft.statemachine;

import io.clustersim.raft.log.LogCommand;

/**
 * The state machine a server applies committed commands to (hashicorp/raft's FSM). A new instance
 * is made at every process start; its state comes back from the latest snapshot and the log.
 * Raft knows nothing of what the commands mean: a key-value store and a Nomad server's state
 * store are both state machines.
 */
public interface StateMachine {
    /** Applies the command committed at {@code index}; returns its result (may be null). */
    Object apply(long index, LogCommand command);

    /** Answers a read against the current state (what a query means is the state machine's business). */
    Object read(Object query);

    /** An immutable image of the current state. */
    StateSnapshot snapshot();

    /** Replaces the state with {@code snapshot}'s. */
    void restore(StateSnapshot snapshot);
}
