package io.clustersim.raft.port;

/** A pending timer. Cancelling is idempotent and harmless after it fired. */
@FunctionalInterface
public interface RaftTimer {
    void cancel();
}
