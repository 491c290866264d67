package io.clustersim.faults;

/**
 * A fault at a point of simulated time.
 *
 * @param atNanos when it fires
 * @param durationNanos how long until it is undone; 0 means it stays (a crash without restart)
 */
public record ScheduledFault(long atNanos, Fault fault, long durationNanos) {
    public ScheduledFault {
        if (atNanos < 0 || durationNanos < 0) {
            throw new IllegalArgumentException("fault times must not be negative");
        }
    }
}
