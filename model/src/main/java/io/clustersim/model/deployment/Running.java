package io.clustersim.model.deployment;

import io.clustersim.faults.FaultListener;
import io.clustersim.faults.NodeControls;
import io.clustersim.faults.Operator;
import io.clustersim.faults.RoleDirectory;
import java.util.List;

/** A deployment on its World, while and after the simulation runs. */
public interface Running {
    /** Who leads and follows now, for faults that target roles. */
    RoleDirectory roles();

    /** How faults act on its processes (through the kernel); a pool may note them on the way. */
    default NodeControls controls() {
        return NodeControls.KERNEL;
    }

    /** Told when faults fire and end (e.g. to judge whether a member was healthy). */
    default FaultListener faultListener() {
        return FaultListener.NONE;
    }

    /** Who carries out the scenario's operator commands (force-leave). */
    default Operator operator() {
        return Operator.NONE;
    }

    /** Writes what is known only at the end (totals of the protocols' recorders) into the telemetry. */
    void publish();

    /** Lines for the run's summary: e.g. who led each region, and when. */
    default List<String> summary() {
        return List.of();
    }
}
