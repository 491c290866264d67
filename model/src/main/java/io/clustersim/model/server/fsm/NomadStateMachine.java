package io.clustersim.model.server.fsm;

import io.clustersim.raft.log.LogCommand;
import io.clustersim.raft.statemachine.StateMachine;
import io.clustersim.raft.statemachine.StateSnapshot;

/**
 * A Nomad server's FSM (nomad {@code nomad/fsm.go}): applies {@link NomadCommand}s to the
 * {@link StateStore}, answers {@link NomadQuery}s, and snapshots the store. A snapshot costs the
 * store's encoded size plus {@code baseBytes}, the state the scenario says exists already.
 */
public final class NomadStateMachine implements StateMachine {
    private final long baseBytes;
    private StateStore state = new StateStore();

    public NomadStateMachine(long baseBytes) {
        this.baseBytes = baseBytes;
    }

    @Override
    public Object apply(long index, LogCommand command) {
        Object result = ((NomadCommand) command).applyTo(state, index);
        state.applied(index);
        return result;
    }

    @Override
    public Object read(Object query) {
        return ((NomadQuery) query).answer(state);
    }

    @Override
    public StateSnapshot snapshot() {
        return new StateSnapshot(state.copy(), baseBytes + state.sizeBytes());
    }

    @Override
    public void restore(StateSnapshot snapshot) {
        state = ((StateStore) snapshot.state()).copy();
    }

    /** The live state, read-only in spirit: for queries that the host answers itself. */
    public StateStore state() {
        return state;
    }
}
