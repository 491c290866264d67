package io.clustersim.raft.message;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import java.util.List;

/**
 * AppendEntries (paper, Figure 2): replicates {@code entries} after the entry at
 * {@code prevLogIndex}/{@code prevLogTerm} and carries the leader's commit index.
 *
 * <p>A heartbeat in the hashicorp profile is bare: no previous entry, no entries, commit index 0,
 * so it only asserts leadership (hashicorp/raft's {@code heartbeat} sends only term and leader).
 *
 * @param seq the leader's sequence number for this request, echoed in the response; used to match
 *     responses to a read's leadership check and to ignore stale rejections
 */
public record AppendEntries(long term, NodeId leader, long prevLogIndex, long prevLogTerm, List<LogEntry> entries,
        long leaderCommit, long seq, boolean heartbeat) implements RaftMessage {
    /** The message-fault kind of an AppendEntries that carries entries. */
    public static final String ENTRIES_KIND = "AppendEntries:entries";
    /** The message-fault kind of an AppendEntries without entries. */
    public static final String EMPTY_KIND = "AppendEntries:empty";

    public AppendEntries {
        entries = List.copyOf(entries);
    }

    @Override
    public int sizeBytes() {
        int n = 96;
        for (LogEntry e : entries) {
            n += e.sizeBytes();
        }
        return n;
    }

    /**
     * Besides {@code AppendEntries}: {@code AppendEntries:entries} for one carrying entries and
     * {@code AppendEntries:empty} for a heartbeat or an empty replication request, so a message
     * fault can make logs diverge while leadership is still asserted.
     */
    @Override
    public boolean isKind(String kind) {
        return RaftMessage.super.isKind(kind) || kind.equals(entries.isEmpty() ? EMPTY_KIND : ENTRIES_KIND);
    }

    @Override
    public String toString() {
        String range = entries.isEmpty() ? "[]"
                : "[" + entries.get(0).index() + ".." + entries.get(entries.size() - 1).index() + "]";
        return "AppendEntries[t" + term + " from " + leader + " prev=" + prevLogIndex + "@" + prevLogTerm
                + " entries=" + range + " commit=" + leaderCommit + " seq=" + seq + (heartbeat ? " hb" : "") + "]";
    }
}
