package io.clustersim.kernel.event;

import java.util.Arrays;

/**
 * The pending-event set: an indexed 4-ary min-heap ordered by (time, sequence).
 *
 * <p>Why this shape: the queue is the kernel's hot path. Keys live inline in primitive arrays
 * (no per-event key objects, comparisons touch contiguous memory), a 4-ary heap halves the depth
 * of a binary one, and every event occupies a <em>slot</em> that knows its heap position, so
 * cancelling a timer is an O(log n) removal rather than a linear scan or a tombstone that bloats
 * the heap (Raft resets its timers constantly).
 *
 * <p>A handle is {@code (generation << 32) | slot}. Slots are recycled; the generation makes a
 * stale handle (an event that already ran or was cancelled) harmless.
 */
public final class EventQueue {
    private static final int ARITY = 4;

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

    public EventQueue() {
        this(1024);
    }

    public EventQueue(int initialCapacity) {
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
        int i = size++;
        if (i == heapTime.length) {
            growHeap();
        }
        siftUp(i, time, nextSeq++, slot);
        return ((long) slotGen[slot] << 32) | slot;
    }

    /** Removes a pending event. Returns false if it already ran or was cancelled. O(log n). */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || slotGen[slot] != (int) (handle >>> 32)) {
            return false;
        }
        int i = slotPos[slot];
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
        return true;
    }

    /** True when the handle's event is still pending. */
    public boolean isPending(long handle) {
        int slot = (int) handle;
        return slot >= 0 && slot < slotsUsed && slotGen[slot] == (int) (handle >>> 32) && slotPos[slot] >= 0;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
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
}
