package io.clustersim.raft.port;

/** Virtual time and one-shot timers. */
public interface RaftTimers {
    /** Virtual time in nanoseconds. */
    long now();

    /** Runs {@code action} after {@code delayNanos} unless cancelled first; {@code name} is for traces. */
    RaftTimer set(String name, long delayNanos, Runnable action);
}
