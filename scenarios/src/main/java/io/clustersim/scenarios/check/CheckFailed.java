package io.clustersim.scenarios.check;

import io.clustersim.faults.ScheduledFault;
import java.util.List;

/** One checked run failed: its world seed, the nemesis's schedule, and what broke. */
final class CheckFailed extends AssertionError {
    final long seed;
    final List<ScheduledFault> schedule;
    final List<String> broken;

    CheckFailed(long seed, List<ScheduledFault> schedule, List<String> broken, Throwable cause) {
        super(String.join("; ", broken), cause);
        this.seed = seed;
        this.schedule = List.copyOf(schedule);
        this.broken = List.copyOf(broken);
    }
}
