package io.clustersim.kernel.node;

/** How an operator asks a process to stop; what it does about it is the process's own setting. */
public enum StopSignal {
    /** SIGTERM, as a service manager sends on stop (Nomad: leave_on_terminate decides). */
    TERMINATE,
    /** SIGINT, as Ctrl-C sends (Nomad: leave_on_interrupt decides). */
    INTERRUPT
}
