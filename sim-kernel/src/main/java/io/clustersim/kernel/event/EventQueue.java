package io.clustersim.kernel.event;

import java.util.Arrays;

/**
 * The pending-event set: an indexed 4-ary min-heap ordered by (time, sequence), with the far
 * future kept aside in buckets.
 *
 * <p>Why this shape: the queue is the kernel's hot path. Keys live inline in primitive arrays
 * (no per-event key objects, comparisons touch contiguous memory), a 4-ary heap halves the depth
 * of a binary one, and every event occupies a <em>slot</em> that knows its heap position, so
 * cancelling a timer is an O(log n) removal rather than a linear scan or a tombstone that bloats
 * the heap (Raft resets its timers constantly).
 *
 * <p>Why the buckets: most timers are set far ahead and cancelled long before they are due (a
 * Nomad server's heartbeat TTL per client, every RPC's I/O deadline, every client's next
 * heartbeat). In one heap of tens of thousands of such timers every poll sifts through levels
 * that miss the cache. So an event due more than a bucket after the current one (buckets are
 * about a second wide) waits in its bucket's list, where scheduling and cancelling cost O(1),
 * and moves into the heap, with its sequence number, only when the heap's earliest event
 * reaches the bucket's start. Every event in the heap is then earlier than every event in a bucket, so the
 * order is exactly (time, sequence), as with one heap. Events beyond the ring of buckets go
 * straight into the heap.
 *
 * <p>A handle is {@code (generation << 32) | slot}. Slots are recycled; the generation makes a
 * stale handle (an event that already ran or was cancelled) harmless. Cancelling a bucketed
 * event frees its slot and leaves its entry behind, skipped (its generation no longer matches)
 * when the bucket moves into the heap.
 */
public final class EventQueue {
    private static final int ARITY = 4;
    /** A slot's position while its event waits in a bucket (-1: the slot is free). */
    private static final int IN_BUCKET = -2;
    /** Buckets of 2^30 ns (1.07 s) by default, 1,024 of them: about 18 minutes ahead. */
    private static final int DEFAULT_BUCKET_SHIFT = 30;
    private static final int DEFAULT_RING_BITS = 10;
    /**
     * Events due within this many buckets after the current one go straight into the heap: most
     * of them will run (messages, Raft's timers), and a detour through a bucket would only cost.
     */
    private static final int NEAR_BUCKETS = 1;

    // Heap, position i: the event's time, its scheduling sequence and its slot.
    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;
    private int size;

    // Per slot: the handler, its heap position (-1 when free) and its generation.
    private EventHandler[] handlers;
    private int[] slotPos;
    private int[] slotGen;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private long nextSeq;

    // The buckets: a ring indexed by (time >> bucketShift) & ringMask, holding buckets
    // current + 1 .. current + ring - 1; nextBucket is the earliest that holds entries.
    private final int bucketShift;
    private final Bucket[] ring;
    private final long ringMask;
    private long current;
    private long nextBucket = Long.MAX_VALUE;
    private int bucketed;

    public EventQueue() {
        this(1024);
    }

    public EventQueue(int initialCapacity) {
        this(initialCapacity, DEFAULT_BUCKET_SHIFT, DEFAULT_RING_BITS);
    }

    /**
     * @param bucketShift a bucket spans 2^bucketShift ns
     * @param ringBits the ring holds 2^ringBits buckets (0: no buckets, one heap)
     */
    EventQueue(int initialCapacity, int bucketShift, int ringBits) {
        this.bucketShift = bucketShift;
        this.ring = new Bucket[1 << ringBits];
        this.ringMask = ring.length - 1L;
        int cap = Math.max(16, initialCapacity);
        heapTime = new long[cap];
        heapSeq = new long[cap];
        heapSlot = new int[cap];
        handlers = new EventHandler[cap];
        slotPos = new int[cap];
        slotGen = new int[cap];
        freeSlots = new int[cap];
    }

    /** Schedules {@code handler} at absolute time {@code time}; returns a handle for {@link #cancel}. */
    public long schedule(long time, EventHandler handler) {
        int slot = allocateSlot();
        handlers[slot] = handler;
        long b = time >> bucketShift;
        if (b > current + NEAR_BUCKETS && b - current < ring.length) {
            Bucket bucket = ring[(int) (b & ringMask)];
            if (bucket == null) {
                bucket = new Bucket();
                ring[(int) (b & ringMask)] = bucket;
            }
            bucket.add(time, nextSeq++, slot, slotGen[slot]);
            slotPos[slot] = IN_BUCKET;
            bucketed++;
            if (b < nextBucket) {
                nextBucket = b;
                refill(); // the heap may be empty, or end after this bucket's start
            }
        } else {
            push(time, nextSeq++, slot);
        }
        return ((long) slotGen[slot] << 32) | slot;
    }

    private void push(long time, long seq, int slot) {
        int i = size++;
        if (i == heapTime.length) {
            growHeap();
        }
        siftUp(i, time, seq, slot);
    }

    /**
     * Moves buckets into the heap until the heap's earliest event comes before every bucketed
     * one; then no bucket holds anything due at or before that event. Called after every change
     * that can break this (a poll, cancelling the earliest event, an earlier bucket filled), so
     * that peeking and polling read the heap alone.
     */
    private void refill() {
        // Invariant: every bucketed event lies in a bucket after current and within the ring, and
        // nextBucket is at most the earliest of them (a ring slot may still hold cancelled
        // entries of an older bucket; they are skipped).
        while (bucketed > 0 && (size == 0 || heapTime[0] >> bucketShift >= nextBucket)) {
            Bucket bucket = ring[(int) (nextBucket & ringMask)];
            for (int k = 0; k < bucket.count; k++) {
                int slot = bucket.slot[k];
                if (slotGen[slot] == bucket.gen[k] && slotPos[slot] == IN_BUCKET) {
                    bucketed--;
                    push(bucket.time[k], bucket.seq[k], slot);
                }
            }
            bucket.clear();
            current = nextBucket;
            nextBucket = Long.MAX_VALUE;
            for (long n = current + 1; bucketed > 0 && n < current + ring.length; n++) {
                Bucket c = ring[(int) (n & ringMask)];
                if (c != null && c.count > 0) {
                    nextBucket = n;
                    break;
                }
            }
        }
        if (size > 0) {
            // Every bucket up to the earliest event's is empty now: later schedules into them
            // belong in the heap.
            long b = heapTime[0] >> bucketShift;
            if (b > current) {
                current = b;
            }
        }
    }

    /** Removes a pending event. Returns false if it already ran or was cancelled. O(log n). */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || slotGen[slot] != (int) (handle >>> 32)) {
            return false;
        }
        int i = slotPos[slot];
        if (i == IN_BUCKET) {
            releaseSlot(slot);
            if (--bucketed == 0) {
                nextBucket = Long.MAX_VALUE;
            }
            return true;
        }
        if (i < 0) {
            return false;
        }
        releaseSlot(slot);
        int last = --size;
        if (i != last) {
            long t = heapTime[last];
            long s = heapSeq[last];
            int sl = heapSlot[last];
            if (i > 0 && less(t, s, heapTime[(i - 1) / ARITY], heapSeq[(i - 1) / ARITY])) {
                siftUp(i, t, s, sl);
            } else {
                siftDown(i, t, s, sl);
            }
        }
        if (i == 0) {
            refill();
        }
        return true;
    }

    /** True when the handle's event is still pending. */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        return slot >= 0 && slot < slotsUsed && slotGen[slot] == (int) (handle >>> 32)
                && (slotPos[slot] >= 0 || slotPos[slot] == IN_BUCKET);
    }

    public boolean isEmpty() {
        return size + bucketed == 0;
    }

    public int size() {
        return size + bucketed;
    }

    /** Time of the earliest pending event; undefined when empty. */
    public long peekTime() {
        return heapTime[0];
    }

    /** Removes the earliest event and returns its handler; the caller reads the time first. */
    public EventHandler poll() {
        int slot = heapSlot[0];
        EventHandler h = handlers[slot];
        releaseSlot(slot);
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSeq[last], heapSlot[last]);
        }
        refill();
        return h;
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void siftUp(int i, long t, long s, int slot) {
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            long pt = heapTime[parent];
            if (t > pt || (t == pt && s > heapSeq[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        place(i, t, s, slot);
    }

    private void siftDown(int i, long t, long s, int slot) {
        final int n = size;
        while (true) {
            int first = i * ARITY + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = heapTime[first];
            long bs = heapSeq[first];
            int end = Math.min(first + ARITY, n);
            for (int c = first + 1; c < end; c++) {
                long ct = heapTime[c];
                if (ct < bt || (ct == bt && heapSeq[c] < bs)) {
                    best = c;
                    bt = ct;
                    bs = heapSeq[c];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            move(best, i);
            i = best;
        }
        place(i, t, s, slot);
    }

    private void move(int from, int to) {
        heapTime[to] = heapTime[from];
        heapSeq[to] = heapSeq[from];
        int slot = heapSlot[from];
        heapSlot[to] = slot;
        slotPos[slot] = to;
    }

    private void place(int i, long t, long s, int slot) {
        heapTime[i] = t;
        heapSeq[i] = s;
        heapSlot[i] = slot;
        slotPos[slot] = i;
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == handlers.length) {
            int cap = handlers.length * 2;
            handlers = Arrays.copyOf(handlers, cap);
            slotPos = Arrays.copyOf(slotPos, cap);
            slotGen = Arrays.copyOf(slotGen, cap);
            freeSlots = Arrays.copyOf(freeSlots, cap);
        }
        return slotsUsed++;
    }

    private void releaseSlot(int slot) {
        handlers[slot] = null;
        slotPos[slot] = -1;
        slotGen[slot]++;
        freeSlots[freeCount++] = slot;
    }

    private void growHeap() {
        int cap = heapTime.length * 2;
        heapTime = Arrays.copyOf(heapTime, cap);
        heapSeq = Arrays.copyOf(heapSeq, cap);
        heapSlot = Arrays.copyOf(heapSlot, cap);
    }

    /** One bucket's entries, in the order they were scheduled. */
    private static final class Bucket {
        long[] time = new long[8];
        long[] seq = new long[8];
        int[] slot = new int[8];
        int[] gen = new int[8];
        int count;

        /**
         * Empties the bucket. One that a burst grew far beyond what it held this time (ten
         * thousand clients registering in the same second) gives most of its arrays back rather
         * than holding them for the rest of the run; one in steady use keeps them.
         */
        void clear() {
            if (time.length > 64 && time.length > 4 * count) {
                int cap = Math.max(8, 2 * count);
                time = new long[cap];
                seq = new long[cap];
                slot = new int[cap];
                gen = new int[cap];
            }
            count = 0;
        }

        void add(long t, long s, int sl, int g) {
            if (count == time.length) {
                int cap = count * 2;
                time = Arrays.copyOf(time, cap);
                seq = Arrays.copyOf(seq, cap);
                slot = Arrays.copyOf(slot, cap);
                gen = Arrays.copyOf(gen, cap);
            }
            time[count] = t;
            seq[count] = s;
            slot[count] = sl;
            gen[count] = g;
            count++;
        }
    }
}
