package io.clustersim.raft.core;

import io.clustersim.raft.membership.Configuration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configurations in a server's log, by index. The latest one governs at once, committed or
 * not (thesis, section 4.1); truncating the log can bring an earlier one back.
 */
final class Membership {
    private final TreeMap<Long, Configuration> history = new TreeMap<>();

    Configuration latest() {
        return history.isEmpty() ? Configuration.EMPTY : history.lastEntry().getValue();
    }

    long latestIndex() {
        return history.isEmpty() ? 0 : history.lastKey();
    }

    /** The configuration in force at {@code index}. */
    Configuration at(long index) {
        Map.Entry<Long, Configuration> e = history.floorEntry(index);
        return e == null ? Configuration.EMPTY : e.getValue();
    }

    long indexAt(long index) {
        Long k = history.floorKey(index);
        return k == null ? 0 : k;
    }

    void put(long index, Configuration c) {
        history.put(index, c);
    }

    /** Forgets configurations from {@code index} on; returns whether the latest one changed. */
    boolean truncateFrom(long index) {
        long before = latestIndex();
        history.tailMap(index, true).clear();
        return latestIndex() != before;
    }

    /** Keeps only {@code c} at {@code index} and what follows {@code after} (a snapshot's end). */
    void restore(long index, Configuration c, long after, boolean keepSuffix) {
        if (keepSuffix) {
            history.headMap(after, true).clear();
        } else {
            history.clear();
        }
        history.put(index, c);
    }
}
