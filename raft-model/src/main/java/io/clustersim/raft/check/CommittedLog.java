package io.clustersim.raft.check;

import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import java.util.Arrays;

/**
 * What was first seen committed at each index: the entry's term, the term it was committed in,
 * prefix digest and, for a client write, its request id. Dense arrays of a few words per entry, so hour-long runs with millions of entries
 * fit; the entries themselves are not kept (servers compact theirs away).
 */
final class CommittedLog {
    private long[] terms = new long[1024];
    private long[] commitTerms = new long[1024];
    private long[] digests = new long[1024];
    private RequestId[] writes = new RequestId[1024];
    private boolean[] present = new boolean[1024];
    private long last;

    boolean has(long index) {
        return index > 0 && index < present.length && present[(int) index];
    }

    long term(long index) {
        return has(index) ? terms[(int) index] : -1;
    }

    long digest(long index) {
        return has(index) ? digests[(int) index] : 0;
    }

    /** The request id if the entry at {@code index} is a client write, else null. */
    RequestId write(long index) {
        return has(index) ? writes[(int) index] : null;
    }

    /** Highest committed index seen. */
    long last() {
        return last;
    }

    /**
     * The highest index committed in a term before {@code term}, or 0: what a leader of
     * {@code term} must hold. Commit terms rise with the index except around a stale leader's
     * late commit, so the walk down from the top is short.
     */
    long lastCommittedBefore(long term) {
        for (long i = last; i > 0; i--) {
            if (has(i) && commitTerms[(int) i] < term) {
                return i;
            }
        }
        return 0;
    }

    void put(LogEntry e, long commitTerm, long digest) {
        int i = Math.toIntExact(e.index());
        if (i >= present.length) {
            int n = Math.max(present.length * 2, i + 1);
            terms = Arrays.copyOf(terms, n);
            commitTerms = Arrays.copyOf(commitTerms, n);
            digests = Arrays.copyOf(digests, n);
            writes = Arrays.copyOf(writes, n);
            present = Arrays.copyOf(present, n);
        }
        present[i] = true;
        terms[i] = e.term();
        commitTerms[i] = commitTerm;
        digests[i] = digest;
        writes[i] = e.payload() instanceof EntryPayload.Write w ? w.requestId() : null;
        last = Math.max(last, i);
    }

    /** A short description for violation messages, e.g. {@code 12@3 (write c1#7)}. */
    String describe(long index) {
        if (!has(index)) {
            return "nothing at " + index;
        }
        RequestId w = writes[(int) index];
        return index + "@" + terms[(int) index] + (w == null ? "" : " (write " + w + ")");
    }
}
