package io.clustersim.model.structs;

import java.util.List;
import java.util.Objects;

/**
 * A job specification as registered (nomad {@code structs.Job}), reduced to what the control
 * plane's cost and the scheduler need: who it is, where it may run, its task groups, its version,
 * and how large its specification is.
 *
 * @param datacenters where its allocations may be placed (empty: every datacenter of the region)
 * @param groups its task groups; a job without groups (the probes') schedules nothing
 * @param specBytes the encoded size of the whole specification (task groups, tasks, templates)
 */
public record Job(String id, String namespace, String region, JobType type, long version, int specBytes,
        List<String> datacenters, List<TaskGroup> groups) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(type, "type");
        datacenters = List.copyOf(datacenters);
        groups = List.copyOf(groups);
        if (specBytes < 0) {
            throw new IllegalArgumentException("specBytes must not be negative");
        }
    }

    /** A job with no task groups: registering it writes through Raft and schedules nothing. */
    public static Job withoutGroups(String id, String region, int specBytes) {
        return new Job(id, "default", region, JobType.SERVICE, 0, specBytes, List.of(), List.of());
    }

    public Job withVersion(long v) {
        return new Job(id, namespace, region, type, v, specBytes, datacenters, groups);
    }

    /** Whether its allocations may run in {@code datacenter}. */
    public boolean allowsDatacenter(String datacenter) {
        return datacenters.isEmpty() || datacenters.contains(datacenter);
    }

    public TaskGroup group(String name) {
        for (TaskGroup g : groups) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        return null;
    }
}
