package io.clustersim.raft.core;

import io.clustersim.raft.port.RaftStorage;
import io.clustersim.raft.storage.PersistOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders durable writes and the replies that depend on them. At most one write is in flight; ops
 * issued meanwhile are written together as the next one, as a single-writer log store batches
 * transactions. {@link #afterDurable} runs an action once every op issued before it is synced:
 * this is how "persist before responding" (paper, Figure 2) is kept without blocking.
 */
final class PersistenceQueue {
    private record Waiter(long batch, Runnable action) {}

    private final RaftStorage storage;
    private List<PersistOp> pending = new ArrayList<>();
    private long pendingBytes;
    private boolean writing;
    private long issuedBatches;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private boolean stopped;

    PersistenceQueue(RaftStorage storage) {
        this.storage = storage;
    }

    void enqueue(PersistOp op) {
        pending.add(op);
        pendingBytes += op.sizeBytes();
    }

    /** Runs {@code action} now if nothing is unsynced, else after the write holding the latest op. */
    void afterDurable(Runnable action) {
        if (pending.isEmpty() && !writing) {
            action.run();
            return;
        }
        long batch = pending.isEmpty() ? issuedBatches : issuedBatches + 1;
        waiters.addLast(new Waiter(batch, action));
    }

    /** Issues the pending ops as one write unless one is already in flight. */
    void flush() {
        if (writing || pending.isEmpty() || stopped) {
            return;
        }
        List<PersistOp> batch = pending;
        long bytes = pendingBytes;
        pending = new ArrayList<>();
        pendingBytes = 0;
        writing = true;
        long id = ++issuedBatches;
        storage.persist(batch, bytes, () -> synced(id));
    }

    boolean idle() {
        return pending.isEmpty() && !writing;
    }

    /** The process is going away (tests); nothing more is written. */
    void stop() {
        stopped = true;
    }

    private void synced(long batch) {
        writing = false;
        while (!waiters.isEmpty() && waiters.peekFirst().batch() <= batch) {
            waiters.pollFirst().action().run();
        }
        flush();
    }
}
