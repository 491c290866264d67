package io.clustersim.raft.storage;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.Snapshot;
import java.util.List;

/** One change to durable state. A server issues them in order; they reach the image in that order. */
public sealed interface PersistOp
        permits PersistOp.SaveTerm, PersistOp.SaveVote, PersistOp.Append, PersistOp.TruncateFrom,
                PersistOp.SaveSnapshot, PersistOp.CompactThrough, PersistOp.InstallSnapshot {

    /** Bytes this change writes. */
    long sizeBytes();

    /** hashicorp's StableStore {@code CurrentTerm}. */
    record SaveTerm(long term) implements PersistOp {
        public long sizeBytes() {
            return 16;
        }
    }

    /** hashicorp's {@code LastVoteTerm} and {@code LastVoteCand}. */
    record SaveVote(long term, NodeId candidate) implements PersistOp {
        public long sizeBytes() {
            return 32;
        }
    }

    /** LogStore.StoreLogs. */
    record Append(List<LogEntry> entries) implements PersistOp {
        public Append {
            entries = List.copyOf(entries);
        }

        public long sizeBytes() {
            long n = 0;
            for (LogEntry e : entries) {
                n += e.sizeBytes();
            }
            return n;
        }
    }

    /** LogStore.DeleteRange of a conflicting suffix. */
    record TruncateFrom(long index) implements PersistOp {
        public long sizeBytes() {
            return 16;
        }
    }

    /** A snapshot this server took of its own state machine. */
    record SaveSnapshot(Snapshot snapshot) implements PersistOp {
        public long sizeBytes() {
            return snapshot.sizeBytes();
        }
    }

    /** Log compaction after a snapshot. */
    record CompactThrough(long index) implements PersistOp {
        public long sizeBytes() {
            return 16;
        }
    }

    /**
     * A snapshot received from the leader. If {@code keepSuffix}, the log held an entry matching
     * the snapshot's last one and keeps what follows it; otherwise the whole log is discarded
     * (paper, Figure 13, steps 6 and 7).
     */
    record InstallSnapshot(Snapshot snapshot, boolean keepSuffix) implements PersistOp {
        public long sizeBytes() {
            return snapshot.sizeBytes();
        }
    }
}
