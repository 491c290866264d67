package io.clustersim.kernel.trace;

/** What happened. The ordinal enters the trace hash, so append new kinds at the end only. */
public enum TraceKind {
    SEND,
    DELIVER,
    DROP,
    TIMER,
    DISK_SYNC,
    START,
    CRASH,
    PAUSE,
    RESUME,
    FAULT,
    NOTE,
    /** A process asked to stop. */
    STOP,
    /** A process ended cleanly. */
    EXIT
}
