package io.clustersim.faults;

import io.clustersim.kernel.time.Durations;
import java.util.List;

/**
 * A fault as it happened: when it fired, on whom, and for how long, with every role and random
 * target resolved. A list of them replays exactly as a schedule of concrete faults.
 */
public record Fired(long atNanos, ScheduledFault source, List<String> nodes) {
    public Fired {
        nodes = List.copyOf(nodes);
    }

    /** When it stopped being in force: when its duration ran out, or never ({@code Long.MAX_VALUE}). */
    public long endNanos() {
        return source.durationNanos() > 0 ? atNanos + source.durationNanos() : Long.MAX_VALUE;
    }

    /** How reports name it, and key its window: {@code at 5m: crash the zone of the leader for 10m}. */
    public String label() {
        return "at " + Durations.format(atNanos) + ": " + FailureInjector.describe(source.fault())
                + (source.durationNanos() > 0 ? " for " + Durations.format(source.durationNanos()) : "");
    }
}
