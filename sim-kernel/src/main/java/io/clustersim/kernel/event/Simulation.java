package io.clustersim.kernel.event;

import java.util.function.BooleanSupplier;

/**
 * The virtual clock and the loop that runs events in (time, sequence) order. Single-threaded by
 * design: one simulation never uses more than one thread, which is what makes it reproducible.
 */
public final class Simulation {
    private final EventQueue queue;
    private long now;
    private long eventsProcessed;

    public Simulation() {
        this(new EventQueue());
    }

    public Simulation(EventQueue queue) {
        this.queue = queue;
    }

    /** Current virtual time in nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    public long eventsProcessed() {
        return eventsProcessed;
    }

    public int pendingEvents() {
        return queue.size();
    }

    /** Schedules a handler {@code delayNanos} from now; returns a handle for {@link #cancel}. */
    public long schedule(long delayNanos, EventHandler handler) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        return queue.schedule(now + delayNanos, handler);
    }

    /** Schedules a handler at an absolute time, which must not be in the past. */
    public long scheduleAt(long time, EventHandler handler) {
        if (time < now) {
            throw new IllegalArgumentException("time " + time + " is before now " + now);
        }
        return queue.schedule(time, handler);
    }

    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    public boolean isPending(long handle) {
        return queue.isPending(handle);
    }

    /** Runs the earliest event, if any. Returns false when the queue was empty. */
    public boolean step() {
        if (queue.isEmpty()) {
            return false;
        }
        now = queue.peekTime();
        EventHandler h = queue.poll();
        eventsProcessed++;
        h.onEvent();
        return true;
    }

    /**
     * Runs every event whose time is at most {@code endTime}, then leaves the clock at
     * {@code endTime} (time passes even when nothing happens).
     */
    public void runUntil(long endTime) {
        EventQueue q = queue;
        while (!q.isEmpty() && q.peekTime() <= endTime) {
            now = q.peekTime();
            EventHandler h = q.poll();
            eventsProcessed++;
            h.onEvent();
        }
        if (endTime > now) {
            now = endTime;
        }
    }

    /**
     * Runs events until {@code condition} holds (checked before each event and after the last),
     * the queue empties, or the next event lies beyond {@code limitTime}. Returns whether the
     * condition holds.
     */
    public boolean runUntil(BooleanSupplier condition, long limitTime) {
        while (!condition.getAsBoolean()) {
            if (queue.isEmpty() || queue.peekTime() > limitTime) {
                return false;
            }
            step();
        }
        return true;
    }

    /** Runs until no event is pending. */
    public void runUntilEmpty() {
        while (step()) {
            // every event may schedule more; the loop ends only when none is left
        }
    }
}
