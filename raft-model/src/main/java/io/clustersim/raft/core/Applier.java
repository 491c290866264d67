package io.clustersim.raft.core;

import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.storage.PersistOp;

/**
 * Commitment and application: advances commitIndex, applies committed entries to the state
 * machine in log order (paper, section 5.3), and takes snapshots and compacts the log (section 7;
 * hashicorp's SnapshotThreshold and TrailingLogs).
 */
final class Applier {
    private final RaftServer s;

    Applier(RaftServer s) {
        this.s = s;
    }

    void start() {
        if (s.config.snapshotIntervalNanos() > 0) {
            armSnapshotCheck();
        }
    }

    /** Raises commitIndex to {@code index} and applies what became committed. */
    void commitTo(long index) {
        if (index <= s.commitIndex) {
            return;
        }
        long from = s.commitIndex + 1;
        s.commitIndex = index;
        for (long i = from; i <= index; i++) {
            LogEntry e = s.log.entry(i);
            if (e != null) {
                s.observer.entryCommitted(s.id, s.currentTerm, e, s.log.prefixDigest(i));
            }
        }
        // A leader whose removal (or demotion) is committed steps down; Nomad keeps it running
        // as a follower (ShutdownOnRemove = false).
        if (s.role == Role.LEADER && s.membership.latestIndex() <= s.commitIndex && !s.canCampaign()) {
            s.becomeFollower();
        }
        applyCommitted();
    }

    private void applyCommitted() {
        while (s.lastApplied < s.commitIndex) {
            long i = s.lastApplied + 1;
            LogEntry e = s.log.entry(i);
            if (e == null) {
                throw new IllegalStateException(s.id + ": committed entry " + i + " missing from " + s.log);
            }
            s.lastApplied = i;
            Object result = null;
            if (e.payload() instanceof EntryPayload.Write w) {
                result = s.fsm.apply(i, w.command());
            }
            s.observer.entryApplied(s.id, e, s.log.prefixDigest(i));
            s.clients.applied(e, result);
            s.host.applied(e, result);
        }
        s.clients.commitAdvanced();
        s.host.appliedUpTo();
        if (s.config.snapshotIntervalNanos() == 0) {
            maybeSnapshot();
        }
    }

    /** hashicorp runSnapshots: check at random in [interval, 2 interval). */
    private void armSnapshotCheck() {
        s.setTimer("raft/snapshot", s.randomTimeout(s.config.snapshotIntervalNanos()), () -> {
            maybeSnapshot();
            armSnapshotCheck();
        });
    }

    private void maybeSnapshot() {
        long last = s.snapshot == null ? 0 : s.snapshot.lastIndex();
        if (s.lastApplied - last >= s.config.snapshotThreshold()) {
            takeSnapshot();
        }
    }

    /** Snapshots the state machine at lastApplied and compacts, keeping TrailingLogs entries. */
    private void takeSnapshot() {
        long index = s.lastApplied;
        Snapshot snap = new Snapshot(index, s.log.termAt(index), s.log.prefixDigest(index), s.membership.at(index),
                s.membership.indexAt(index), s.fsm.snapshot());
        s.snapshot = snap;
        s.persistence.enqueue(new PersistOp.SaveSnapshot(snap));
        long compact = Math.min(index, s.log.lastIndex() - s.config.trailingLogs());
        if (compact > s.log.baseIndex()) {
            s.log.compactThrough(compact);
            s.persistence.enqueue(new PersistOp.CompactThrough(compact));
        }
        s.observer.snapshotTaken(s.id, snap);
    }
}
