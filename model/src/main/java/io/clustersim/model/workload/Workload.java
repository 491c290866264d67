package io.clustersim.model.workload;

import java.util.List;

/**
 * What the users of each region submit: jobs, registered at {@code registerAtNanos} (once the
 * servers have a leader and the clients have registered) and then updated or resubmitted at
 * their rates.
 */
public record Workload(List<JobSpec> jobs, long registerAtNanos) {
    public static final Workload NONE = new Workload(List.of(), 0);

    public Workload {
        jobs = List.copyOf(jobs);
        if (registerAtNanos < 0) {
            throw new IllegalArgumentException("registerAt must not be negative");
        }
    }
}
