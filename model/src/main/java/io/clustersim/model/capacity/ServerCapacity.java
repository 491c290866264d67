package io.clustersim.model.capacity;

import java.util.Objects;

/**
 * A server's machine and what its work costs, and the targets a capacity plan holds sizes to.
 * {@link #UNMODELLED}, the default, costs nothing: the kernel's CPU is never asked, and runs are
 * event for event what they were without it.
 */
public record ServerCapacity(InstanceClass instance, OperationCosts costs, boolean modelled, PlanTargets targets) {
    public static final ServerCapacity UNMODELLED = new ServerCapacity(InstanceClass.SMALL, OperationCosts.ZERO, false,
            PlanTargets.DEFAULTS);

    public ServerCapacity {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(targets, "targets");
    }

    /** Servers of {@code instance} whose work costs {@code costs}. */
    public static ServerCapacity of(InstanceClass instance, OperationCosts costs) {
        return new ServerCapacity(instance, costs, true, PlanTargets.DEFAULTS);
    }

    public ServerCapacity withTargets(PlanTargets t) {
        return new ServerCapacity(instance, costs, modelled, t);
    }
}
