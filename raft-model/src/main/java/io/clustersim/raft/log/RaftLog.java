package io.clustersim.raft.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A server's log: the entries it holds, from {@link #firstIndex()} to {@link #lastIndex()}, on top
 * of a compacted base (the last entry folded into a snapshot, or index 0 for an empty log).
 *
 * <p>Every entry also carries a prefix digest ({@link Digest#chain}) computed from the log's own
 * content. It is not part of the protocol; checkers use it to verify log matching.
 *
 * <p>The same class holds the durable copy in {@link io.clustersim.raft.storage.DurableImage}.
 */
public final class RaftLog {
    /** Returned by {@link #termAt} for an index the log does not hold (compacted or beyond the end). */
    public static final long UNKNOWN = -1;

    private ArrayList<LogEntry> entries = new ArrayList<>();
    private long[] digests = new long[16];
    /** Entries before this position of {@link #entries} are compacted away. */
    private int head;
    private long baseIndex;
    private long baseTerm;
    private long baseDigest;

    /** An empty log. */
    public RaftLog() {}

    /** A copy, for recovery from a durable image. */
    public RaftLog copy() {
        RaftLog c = new RaftLog();
        c.baseIndex = baseIndex;
        c.baseTerm = baseTerm;
        c.baseDigest = baseDigest;
        c.entries = new ArrayList<>(entries.subList(head, entries.size()));
        c.digests = Arrays.copyOfRange(digests, head, Math.max(head + 16, entries.size()));
        return c;
    }

    /** Index of the last compacted entry (0 when nothing was compacted). */
    public long baseIndex() {
        return baseIndex;
    }

    public long baseTerm() {
        return baseTerm;
    }

    /** Index of the first entry held, or {@code lastIndex() + 1} when none is held. */
    public long firstIndex() {
        return baseIndex + 1;
    }

    public long lastIndex() {
        return baseIndex + (entries.size() - head);
    }

    public long lastTerm() {
        return termAt(lastIndex());
    }

    /** Entries held (not compacted). */
    public int size() {
        return entries.size() - head;
    }

    /** The term at {@code index}; 0 at index 0; {@link #UNKNOWN} if compacted away or beyond the end. */
    public long termAt(long index) {
        if (index == baseIndex) {
            return baseTerm;
        }
        LogEntry e = entry(index);
        return e == null ? UNKNOWN : e.term();
    }

    /** The prefix digest at {@code index}, or 0 when the log cannot tell (compacted or beyond). */
    public long prefixDigest(long index) {
        if (index == baseIndex) {
            return baseDigest;
        }
        if (index <= baseIndex || index > lastIndex()) {
            return 0;
        }
        return digests[position(index)];
    }

    /** The entry at {@code index}, or null if it is not held. */
    public LogEntry entry(long index) {
        if (index <= baseIndex || index > lastIndex()) {
            return null;
        }
        return entries.get(position(index));
    }

    /** Entries {@code from..to} (inclusive), at most {@code max} of them; empty if none. */
    public List<LogEntry> slice(long from, long to, int max) {
        long start = Math.max(from, baseIndex + 1);
        long end = Math.min(Math.min(to, lastIndex()), start + max - 1);
        if (end < start) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(entries.subList(position(start), position(end) + 1)));
    }

    /** Appends {@code entry}, which must follow the last entry. Returns its prefix digest. */
    public long append(LogEntry entry) {
        long last = lastIndex();
        if (entry.index() != last + 1) {
            throw new IllegalStateException("append of index " + entry.index() + " after " + last);
        }
        long digest = Digest.chain(prefixDigest(last), entry);
        int pos = entries.size();
        if (pos == digests.length) {
            digests = Arrays.copyOf(digests, pos * 2);
        }
        entries.add(entry);
        digests[pos] = digest;
        return digest;
    }

    /** Deletes every entry from {@code index} on (a conflicting suffix, Raft paper, section 5.3). */
    public void truncateFrom(long index) {
        if (index <= baseIndex) {
            throw new IllegalStateException("cannot truncate at " + index + ": compacted through " + baseIndex);
        }
        if (index > lastIndex()) {
            return;
        }
        int pos = position(index);
        entries.subList(pos, entries.size()).clear();
    }

    /** Drops every entry up to and including {@code index}, which becomes the base (section 7). */
    public void compactThrough(long index) {
        if (index <= baseIndex) {
            return;
        }
        if (index > lastIndex()) {
            throw new IllegalStateException("cannot compact through " + index + " beyond " + lastIndex());
        }
        int pos = position(index);
        baseTerm = entries.get(pos).term();
        baseDigest = digests[pos];
        baseIndex = index;
        head = pos + 1;
        if (head > 1024 && head > entries.size() / 2) {
            int n = entries.size() - head;
            entries = new ArrayList<>(entries.subList(head, entries.size()));
            digests = Arrays.copyOfRange(digests, head, head + Math.max(16, n * 2));
            head = 0;
        }
    }

    /** Discards the whole log; the snapshot's last entry becomes the base. */
    public void resetTo(long index, long term, long digest) {
        entries = new ArrayList<>();
        digests = new long[16];
        head = 0;
        baseIndex = index;
        baseTerm = term;
        baseDigest = digest;
    }

    private int position(long index) {
        return head + (int) (index - baseIndex - 1);
    }

    @Override
    public String toString() {
        return "RaftLog[base=" + baseIndex + "@" + baseTerm + ", last=" + lastIndex() + "@" + lastTerm() + "]";
    }
}
