package io.clustersim.model.workload;

import io.clustersim.model.structs.Job;
import java.util.Objects;

/**
 * A job of the workload: registered once the cluster has formed, then, if asked, resubmitted
 * (an update: the same job registered again, a new version) and, for batch jobs, submitted anew
 * under fresh ids, each at a Poisson rate.
 *
 * @param updatesPerHour Job.Register of the same job again (its allocations updated in place)
 * @param submissionsPerHour new instances {@code <id>-<n>} (batch jobs that run and complete)
 */
public record JobSpec(Job job, double updatesPerHour, double submissionsPerHour) {
    public JobSpec {
        Objects.requireNonNull(job, "job");
        if (updatesPerHour < 0 || submissionsPerHour < 0) {
            throw new IllegalArgumentException("rates must not be negative");
        }
    }
}
