package io.clustersim.model.server.fsm;

import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Node;

/**
 * Told of every change a server's state applies, with the Raft index that made it: a node, an
 * allocation or an evaluation before and after ({@code before} null: created; {@code after} null:
 * deleted). Every server's state tells its own listener; measurement dedups by index. Restoring a
 * snapshot tells nothing.
 */
public interface StateListener {
    default void nodeChanged(long index, Node before, Node after) {}

    default void allocChanged(long index, Allocation before, Allocation after) {}

    default void evalChanged(long index, Evaluation before, Evaluation after) {}

    StateListener NONE = new StateListener() {};
}
