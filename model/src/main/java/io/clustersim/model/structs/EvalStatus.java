package io.clustersim.model.structs;

/** nomad {@code structs.EvalStatus*}. */
public enum EvalStatus {
    PENDING,
    /** Some placements failed for lack of a feasible node; it waits for capacity to change. */
    BLOCKED,
    COMPLETE
}
