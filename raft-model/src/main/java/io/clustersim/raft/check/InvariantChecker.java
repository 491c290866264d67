package io.clustersim.raft.check;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Checks Raft's safety properties on every observed event:
 * <ul>
 *   <li>election safety: one leader per term, on every election;
 *   <li>log matching: for every appended entry, no other server holds an entry of the same index
 *       and term with a different prefix digest (so the logs differ somewhere before);
 *   <li>leader completeness: a new leader holds the highest committed entry (and, by log
 *       matching, all before it);
 *   <li>state-machine safety: every commit, application and installed snapshot agrees with what
 *       was first committed at that index anywhere;
 *   <li>acknowledged writes: the entry committed at an acknowledged write's index is that write,
 *       and every server applying that index applies that write.
 * </ul>
 * By default the first violation throws {@link SafetyViolation}; with {@code failFast} off they
 * are recorded and counted instead.
 */
public final class InvariantChecker implements RaftObserver {
    /** How far below the highest commit log-matching records are kept. */
    private static final long PRUNE_LAG = 10_000;

    private final LongSupplier clock;
    private final boolean failFast;
    private final TreeMap<Long, NodeId> leaders = new TreeMap<>();
    /** index -> (term, digest) pairs seen in any log at that index. */
    private final Map<Long, long[]> seen = new LinkedHashMap<>();
    /** Log-matching records below this index were pruned (committed entries are checked anyway). */
    private long seenFloor;
    private final CommittedLog committed = new CommittedLog();
    private final Map<Long, RequestId> acknowledged = new LinkedHashMap<>();
    private final List<SafetyViolation> violations = new ArrayList<>();
    private long lostWrites;
    private long checks;

    public InvariantChecker(LongSupplier clock, boolean failFast) {
        this.clock = clock;
        this.failFast = failFast;
    }

    /** Throws at the first violation. */
    public InvariantChecker(LongSupplier clock) {
        this(clock, true);
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        checks++;
        NodeId previous = leaders.putIfAbsent(term, node);
        if (previous != null && !previous.equals(node)) {
            violation(Invariant.ELECTION_SAFETY, "term " + term + " has two leaders: " + previous + " and " + node);
        }
        // Leader Completeness binds leaders of terms after the commit: a leader of an older
        // term can still win late (its vote responses delayed) after a newer term committed.
        long top = committed.lastCommittedBefore(term);
        if (top > 0) {
            checkHolds(Invariant.LEADER_COMPLETENESS, node, term, view, top);
        }
    }

    /** {@code view}, leader of {@code term}, must hold the committed entry at {@code index}. */
    private void checkHolds(String invariant, NodeId node, long term, RaftView view, long index) {
        if (view.lastLogIndex() < index) {
            violation(invariant, node + " leads term " + term + " but its log ends at " + view.lastLogIndex()
                    + ", before committed index " + index);
            return;
        }
        long digest = view.prefixDigest(index);
        if (digest != 0 && digest != committed.digest(index)) {
            violation(invariant, node + " leads term " + term + " without the entry committed at " + index + " ("
                    + committed.describe(index) + "; it holds " + view.entryAt(index) + ")");
        }
    }

    @Override
    public void logAppended(NodeId node, long fromIndex, long toIndex, RaftView view) {
        for (long i = fromIndex; i <= toIndex; i++) {
            checks++;
            long term = view.termAt(i);
            long digest = view.prefixDigest(i);
            if (term < 0 || digest == 0 || i < seenFloor) {
                continue;
            }
            long[] pairs = seen.get(i);
            if (pairs == null) {
                seen.put(i, new long[] {term, digest});
                continue;
            }
            boolean found = false;
            for (int k = 0; k < pairs.length; k += 2) {
                if (pairs[k] == term) {
                    found = true;
                    if (pairs[k + 1] != digest) {
                        violation(Invariant.LOG_MATCHING, node + " holds entry " + i + "@" + term + " ("
                                + view.entryAt(i) + ") after a different log prefix than another server's " + i + "@"
                                + term);
                    }
                }
            }
            if (!found) {
                long[] grown = Arrays.copyOf(pairs, pairs.length + 2);
                grown[pairs.length] = term;
                grown[pairs.length + 1] = digest;
                seen.put(i, grown);
            }
        }
    }

    @Override
    public void entryCommitted(NodeId node, long term, LogEntry entry, long prefixDigest) {
        checks++;
        long index = entry.index();
        if (!committed.has(index)) {
            committed.put(entry, term, prefixDigest);
            pruneSeen();
            RequestId ack = acknowledged.get(index);
            if (ack != null && !isWrite(entry, ack)) {
                lostWrites++;
                violation(Invariant.ACKNOWLEDGED_WRITE_LOST, "write " + ack + " was acknowledged at " + index
                        + " but " + node + " commits " + entry + " there");
            }
            return;
        }
        if (committed.digest(index) != prefixDigest) {
            violation(Invariant.STATE_MACHINE_SAFETY, node + " commits " + entry + " at " + index
                    + " but " + committed.describe(index) + " was committed there before");
        }
    }

    @Override
    public void entryApplied(NodeId node, LogEntry entry, long prefixDigest) {
        checks++;
        long index = entry.index();
        if (committed.has(index) && committed.digest(index) != prefixDigest) {
            violation(Invariant.STATE_MACHINE_SAFETY, node + " applies " + entry + " at " + index + " but "
                    + committed.describe(index) + " was committed there");
        }
        RequestId ack = acknowledged.get(index);
        if (ack != null && !isWrite(entry, ack)) {
            lostWrites++;
            violation(Invariant.ACKNOWLEDGED_WRITE_LOST, "write " + ack + " was acknowledged at " + index + " but "
                    + node + " applies " + entry + " there");
        }
    }

    @Override
    public void snapshotInstalled(NodeId node, Snapshot snapshot) {
        checks++;
        long index = snapshot.lastIndex();
        if (committed.has(index) && committed.digest(index) != snapshot.prefixDigest()) {
            violation(Invariant.STATE_MACHINE_SAFETY, node + " installs " + snapshot + " that disagrees with the entry "
                    + committed.describe(index) + " committed at " + index);
        }
    }

    @Override
    public void clientWriteAcknowledged(NodeId node, RequestId requestId, long index, long term) {
        checks++;
        acknowledged.put(index, requestId);
        if (committed.term(index) != term || !requestId.equals(committed.write(index))) {
            lostWrites++;
            violation(Invariant.ACKNOWLEDGED_WRITE_LOST, node + " acknowledged " + requestId + " at " + index + "@"
                    + term + " but the entry committed there is " + committed.describe(index));
        }
    }

    private static boolean isWrite(LogEntry e, RequestId id) {
        return e.payload() instanceof EntryPayload.Write w && w.requestId().equals(id);
    }

    private void violation(String invariant, String detail) {
        SafetyViolation v = new SafetyViolation(invariant, "at " + clock.getAsLong() + "ns: " + detail);
        violations.add(v);
        if (failFast) {
            throw v;
        }
    }

    /** Violations seen (at most one when failing fast, since it throws). */
    public List<SafetyViolation> violations() {
        return List.copyOf(violations);
    }

    /** Acknowledged writes later found replaced by another entry (0 in a correct run). */
    public long committedWritesLost() {
        return lostWrites;
    }

    /** Highest index known committed anywhere. */
    public long highestCommitted() {
        return committed.last();
    }

    /** The term of the entry first committed at {@code index}, or -1 if none is known. */
    public long committedTerm(long index) {
        return committed.term(index);
    }

    /**
     * A log-matching violation at an index that is long committed would also show as a state-machine
     * violation when that server commits or applies it, so old records are dropped to bound memory.
     */
    private void pruneSeen() {
        long floor = committed.last() - PRUNE_LAG;
        if (floor > seenFloor + PRUNE_LAG) {
            seenFloor = floor;
            seen.keySet().removeIf(i -> i < floor);
        }
    }

    /** Leaders elected, by term. */
    public Map<Long, NodeId> leadersByTerm() {
        return Collections.unmodifiableSortedMap(leaders);
    }

    public int acknowledgedWrites() {
        return acknowledged.size();
    }

    /** How many individual checks ran (to show the checker was not idle). */
    public long checks() {
        return checks;
    }
}
