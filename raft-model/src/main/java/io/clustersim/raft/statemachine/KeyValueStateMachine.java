package io.clustersim.raft.statemachine;

import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.LogCommand;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A key-value store. Its size is the commands' declared sizes of the live keys plus a fixed
 * {@code baseBytes}, which stands for state the simulation does not model entry by entry (for
 * example, a Nomad cluster's existing jobs and allocations), so that snapshots of a realistic
 * size can be simulated without writing that many entries.
 */
public final class KeyValueStateMachine implements StateMachine {
    private final long baseBytes;
    private TreeMap<String, Command> data = new TreeMap<>();
    private long bytes;

    public KeyValueStateMachine() {
        this(0);
    }

    public KeyValueStateMachine(long baseBytes) {
        this.baseBytes = baseBytes;
    }

    @Override
    public String apply(long index, LogCommand logCommand) {
        Command command = (Command) logCommand;
        Command old = data.put(command.key(), command);
        bytes += command.sizeBytes() + command.key().length();
        if (old != null) {
            bytes -= old.sizeBytes() + old.key().length();
        }
        return old == null ? null : old.value();
    }

    /** The value of the key {@code query} (a String), or null. */
    @Override
    public String read(Object query) {
        Command c = data.get((String) query);
        return c == null ? null : c.value();
    }

    @Override
    public StateSnapshot snapshot() {
        return new StateSnapshot(Collections.unmodifiableSortedMap(new TreeMap<>(data)), baseBytes + bytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(StateSnapshot snapshot) {
        data = new TreeMap<>((SortedMap<String, Command>) snapshot.state());
        bytes = snapshot.sizeBytes() - baseBytes;
    }

    /** Live keys. */
    public int size() {
        return data.size();
    }

    /** Current size in bytes, as a snapshot would report it. */
    public long sizeBytes() {
        return baseBytes + bytes;
    }
}
