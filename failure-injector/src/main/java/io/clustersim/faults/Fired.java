package io.clustersim.faults;

import java.util.List;

/**
 * A fault as it happened: when it fired, on whom, and for how long, with every role and random
 * target resolved. A list of them replays exactly as a schedule of concrete faults.
 */
public record Fired(long atNanos, ScheduledFault source, List<String> nodes) {
    public Fired {
        nodes = List.copyOf(nodes);
    }
}
