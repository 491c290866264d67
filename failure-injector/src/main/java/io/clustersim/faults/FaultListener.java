package io.clustersim.faults;

import io.clustersim.kernel.node.Node;
import java.util.List;

/** Told when faults fire and are undone, e.g. to start measuring recovery. */
public interface FaultListener {
    void injected(ScheduledFault fault, List<Node> affected);

    default void undone(ScheduledFault fault, List<Node> affected) {}

    FaultListener NONE = (f, a) -> {};
}
