package io.clustersim.model.structs;

import java.util.List;
import java.util.Objects;

/**
 * A task group (nomad {@code structs.TaskGroup}): how many allocations of it to run, what each
 * needs, where it may go and how it behaves when its client disconnects.
 *
 * @param cpuMhz CPU each allocation reserves
 * @param memoryMb memory each allocation reserves
 * @param constraints node attributes an allocation's node must have
 * @param spreadByZone spread the allocations evenly over availability zones (a spread block on the
 *     node's zone)
 * @param disconnect what happens while its client is disconnected (nomad's {@code disconnect} block)
 * @param runtimeNanos for batch jobs, how long an allocation runs before it completes (0: forever)
 */
public record TaskGroup(String name, int count, int cpuMhz, int memoryMb, List<Constraint> constraints,
        boolean spreadByZone, Disconnect disconnect, long runtimeNanos) {
    public TaskGroup {
        Objects.requireNonNull(name, "name");
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(disconnect, "disconnect");
        if (count < 0 || cpuMhz < 0 || memoryMb < 0 || runtimeNanos < 0) {
            throw new IllegalArgumentException("a task group's count, resources and runtime must not be negative");
        }
    }

    /** Whether {@code node} satisfies every constraint. */
    public boolean feasibleOn(Node node) {
        for (Constraint c : constraints) {
            if (!c.satisfiedBy(node)) {
                return false;
            }
        }
        return true;
    }
}
