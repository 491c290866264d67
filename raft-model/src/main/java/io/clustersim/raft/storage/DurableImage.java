package io.clustersim.raft.storage;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RaftLog;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.membership.Configuration;
import java.util.List;

/**
 * What is on one server's disk: the current term, the last vote, the log and the latest snapshot.
 * It changes only when a write completes ({@link #apply}), so a crash leaves exactly what was
 * synced. The host keeps it across restarts; a restarted server recovers from {@link #recover()}.
 */
public final class DurableImage {
    private long currentTerm;
    private long votedTerm;
    private NodeId votedFor;
    private final RaftLog log = new RaftLog();
    private Snapshot snapshot;
    private long writes;

    /** An empty disk: the server waits to learn a configuration from a leader. */
    public DurableImage() {}

    /**
     * A disk prepared as hashicorp's BootstrapCluster does: term 1 and the configuration as the
     * entry at index 1, term 1. Every initial server must be bootstrapped with the same one.
     */
    public static DurableImage bootstrapped(Configuration configuration) {
        DurableImage d = new DurableImage();
        d.currentTerm = 1;
        d.log.append(new LogEntry(1, 1, new EntryPayload.ConfigChange(configuration)));
        return d;
    }

    /** Applies synced changes, in the order they were issued. */
    public void apply(List<PersistOp> ops) {
        for (PersistOp op : ops) {
            apply(op);
        }
        writes++;
    }

    private void apply(PersistOp op) {
        if (op instanceof PersistOp.SaveTerm t) {
            currentTerm = t.term();
        } else if (op instanceof PersistOp.SaveVote v) {
            votedTerm = v.term();
            votedFor = v.candidate();
        } else if (op instanceof PersistOp.Append a) {
            for (LogEntry e : a.entries()) {
                log.append(e);
            }
        } else if (op instanceof PersistOp.TruncateFrom t) {
            log.truncateFrom(t.index());
        } else if (op instanceof PersistOp.SaveSnapshot s) {
            snapshot = s.snapshot();
        } else if (op instanceof PersistOp.CompactThrough c) {
            log.compactThrough(c.index());
        } else if (op instanceof PersistOp.InstallSnapshot i) {
            Snapshot s = i.snapshot();
            snapshot = s;
            if (i.keepSuffix()) {
                log.compactThrough(s.lastIndex());
            } else {
                log.resetTo(s.lastIndex(), s.lastTerm(), s.prefixDigest());
            }
        } else {
            throw new IllegalArgumentException("unknown op " + op);
        }
    }

    /** A copy of the durable state for a starting server. */
    public RecoveredState recover() {
        return new RecoveredState(currentTerm, votedTerm, votedFor, snapshot, log.copy());
    }

    public long currentTerm() {
        return currentTerm;
    }

    public long votedTerm() {
        return votedTerm;
    }

    public NodeId votedFor() {
        return votedFor;
    }

    public long lastIndex() {
        return log.lastIndex();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Completed writes (fsyncs). */
    public long writes() {
        return writes;
    }

    /** Durable state as a starting server reads it. The log is the server's own copy. */
    public record RecoveredState(long currentTerm, long votedTerm, NodeId votedFor, Snapshot snapshot, RaftLog log) {}
}
