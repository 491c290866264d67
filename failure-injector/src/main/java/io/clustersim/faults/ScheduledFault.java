package io.clustersim.faults;

/**
 * A fault with its trigger.
 *
 * @param durationNanos how long until it is undone; 0 means it stays (a crash without restart)
 */
public record ScheduledFault(Trigger trigger, Fault fault, long durationNanos) {
    public ScheduledFault {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("fault durations must not be negative");
        }
        if (durationNanos > 0 && !fault.undoable()) {
            throw new IllegalArgumentException(fault + " cannot be undone; it takes no duration");
        }
    }

    /** A fault at a fixed time. */
    public ScheduledFault(long atNanos, Fault fault, long durationNanos) {
        this(new Trigger.At(atNanos), fault, durationNanos);
    }

    /** The earliest time the fault can fire (its time, for a fault at a fixed time). */
    public long atNanos() {
        return trigger.earliestNanos();
    }
}
