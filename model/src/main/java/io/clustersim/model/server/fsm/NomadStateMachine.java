package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Node;
import io.clustersim.raft.log.LogCommand;
import io.clustersim.raft.statemachine.StateMachine;
import io.clustersim.raft.statemachine.StateSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A Nomad server's FSM (nomad {@code nomad/fsm.go}): applies {@link NomadCommand}s to the
 * {@link StateStore}, answers {@link NomadQuery}s, and snapshots the store. A snapshot costs the
 * store's encoded size plus {@code baseBytes}, the state the scenario says exists already.
 */
public final class NomadStateMachine implements StateMachine {
    private final long baseBytes;
    private final List<StateListener> listeners = new ArrayList<>();
    private final StateListener listener = new StateListener() {
        @Override
        public void nodeChanged(long index, Node before, Node after) {
            for (StateListener l : listeners) {
                l.nodeChanged(index, before, after);
            }
        }

        @Override
        public void allocChanged(long index, Allocation before, Allocation after) {
            for (StateListener l : listeners) {
                l.allocChanged(index, before, after);
            }
        }

        @Override
        public void evalChanged(long index, Evaluation before, Evaluation after) {
            for (StateListener l : listeners) {
                l.evalChanged(index, before, after);
            }
        }
    };
    private StateStore state = new StateStore();

    public NomadStateMachine(long baseBytes) {
        this.baseBytes = baseBytes;
        state.listener(listener);
    }

    /** Adds a listener of every change this server's state applies (not of snapshot restores). */
    public NomadStateMachine listen(StateListener l) {
        listeners.add(l);
        return this;
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
        state.listener(listener);
    }

    /** The live state, read-only in spirit: for queries that the host answers itself. */
    public StateStore state() {
        return state;
    }
}
