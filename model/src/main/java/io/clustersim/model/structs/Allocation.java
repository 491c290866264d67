package io.clustersim.model.structs;

import java.util.Objects;

/**
 * An allocation (nomad {@code structs.Allocation}): one instance of a task group placed on a node.
 * Immutable; every change is a new record written through Raft.
 *
 * @param previousAllocation the allocation it replaces (a rescheduled lost one), or null
 * @param jobVersion the job version it runs
 * @param createdAtNanos when the plan that placed it was applied (virtual time)
 */
public record Allocation(String id, String jobId, String group, String nodeName, String zone, int cpuMhz,
        int memoryMb, AllocDesiredStatus desiredStatus, AllocClientStatus clientStatus, String previousAllocation,
        long jobVersion, long createdAtNanos) {
    public Allocation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(desiredStatus, "desiredStatus");
        Objects.requireNonNull(clientStatus, "clientStatus");
    }

    public Allocation withClientStatus(AllocClientStatus s) {
        return new Allocation(id, jobId, group, nodeName, zone, cpuMhz, memoryMb, desiredStatus, s, previousAllocation,
                jobVersion, createdAtNanos);
    }

    public Allocation withDesiredStatus(AllocDesiredStatus s) {
        return new Allocation(id, jobId, group, nodeName, zone, cpuMhz, memoryMb, s, clientStatus, previousAllocation,
                jobVersion, createdAtNanos);
    }

    public Allocation withJobVersion(long v) {
        return new Allocation(id, jobId, group, nodeName, zone, cpuMhz, memoryMb, desiredStatus, clientStatus,
                previousAllocation, v, createdAtNanos);
    }

    /**
     * Terminal (nomad {@code TerminalStatus}): the scheduler wants it stopped, or the client (or,
     * for lost, the scheduler) says it ended. A terminal allocation holds no resources.
     */
    public boolean terminal() {
        return desiredStatus == AllocDesiredStatus.STOP || clientStatus.terminal();
    }

    /** The encoded size in the state and in plans. */
    public int sizeBytes() {
        return 600;
    }
}
