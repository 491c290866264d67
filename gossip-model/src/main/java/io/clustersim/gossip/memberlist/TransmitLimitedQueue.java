package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.Update;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Pending broadcasts, each sent at most {@code retransmitLimit(RetransmitMult, n)} times (memberlist
 * {@code queue.go}). Fresh news goes first: entries are taken by fewest transmits,
 * then largest that still fits, then newest. A new update about a member replaces an older one
 * about the same member, since only the latest matters.
 */
public final class TransmitLimitedQueue {
    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingInt(e -> e.transmits)
            .thenComparing(Comparator.<Entry>comparingInt(e -> e.size).reversed())
            .thenComparing(Comparator.<Entry>comparingLong(e -> e.id).reversed());

    private final IntSupplier numNodes;
    private final int retransmitMult;
    private final List<Entry> entries = new ArrayList<>();
    private long nextId;

    /** @param numNodes the current cluster size estimate, read at every send */
    public TransmitLimitedQueue(IntSupplier numNodes, int retransmitMult) {
        this.numNodes = numNodes;
        this.retransmitMult = retransmitMult;
    }

    /**
     * Queues {@code update}. With a non-null {@code key}, an older entry with the same key is
     * dropped (and its {@code onFinished} run). {@code onFinished} runs once the update has been
     * sent its last time or was replaced.
     */
    public void queue(Update update, String key, Runnable onFinished) {
        List<Runnable> finished = new ArrayList<>();
        if (key != null) {
            entries.removeIf(e -> {
                if (key.equals(e.key)) {
                    if (e.onFinished != null) {
                        finished.add(e.onFinished);
                    }
                    return true;
                }
                return false;
            });
        }
        entries.add(new Entry(update, key, onFinished, nextId++));
        finished.forEach(Runnable::run);
    }

    /**
     * Takes broadcasts for one packet: as many as fit in {@code limit} bytes, counting
     * {@code overhead} bytes of framing per update. Each taken entry counts one more transmit.
     */
    public List<Update> getBroadcasts(int overhead, int limit) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int transmitLimit = MemberlistFormulas.retransmitLimit(retransmitMult, numNodes.getAsInt());
        List<Entry> candidates = new ArrayList<>(entries);
        candidates.sort(ORDER);
        List<Update> out = new ArrayList<>();
        List<Runnable> finished = new ArrayList<>();
        int used = 0;
        for (Entry e : candidates) {
            int free = limit - used - overhead;
            if (free <= 0) {
                break;
            }
            if (e.size > free) {
                continue;
            }
            used += overhead + e.size;
            out.add(e.update);
            e.transmits++;
            if (e.transmits >= transmitLimit) {
                entries.remove(e);
                if (e.onFinished != null) {
                    finished.add(e.onFinished);
                }
            }
        }
        // Callbacks may queue more news; run them after the queue is consistent again.
        finished.forEach(Runnable::run);
        return out;
    }

    public int size() {
        return entries.size();
    }

    /** Drops everything without running callbacks (shutdown). */
    public void clear() {
        entries.clear();
    }

    private static final class Entry {
        final Update update;
        final String key;
        final Runnable onFinished;
        final long id;
        final int size;
        int transmits;

        Entry(Update update, String key, Runnable onFinished, long id) {
            this.update = update;
            this.key = key;
            this.onFinished = onFinished;
            this.id = id;
            this.size = update.sizeBytes();
        }
    }
}
