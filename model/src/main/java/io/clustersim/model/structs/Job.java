package io.clustersim.model.structs;

import java.util.Objects;

/**
 * A job specification as registered (nomad {@code structs.Job}), reduced to what the control
 * plane's cost and the probes need: who it is, where it runs, its version, and how large its
 * specification is.
 *
 * @param specBytes the encoded size of the whole specification (task groups, tasks, templates)
 */
public record Job(String id, String namespace, String region, JobType type, long version, int specBytes) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(type, "type");
        if (specBytes < 0) {
            throw new IllegalArgumentException("specBytes must not be negative");
        }
    }

    public Job withVersion(long v) {
        return new Job(id, namespace, region, type, v, specBytes);
    }
}
