package io.clustersim.kernel.node;

/** A process's lifecycle state. */
public enum NodeState {
    /** Not running: never started, or crashed. Its volatile state is gone. */
    DOWN,
    /** Running normally. */
    UP,
    /** Frozen (e.g. a long GC pause): timers and deliveries wait until it resumes. */
    PAUSED
}
