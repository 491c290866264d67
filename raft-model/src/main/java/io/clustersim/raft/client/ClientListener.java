package io.clustersim.raft.client;

/** Told about every request a {@link RaftClient} finishes. */
@FunctionalInterface
public interface ClientListener {
    void completed(ClientOutcome outcome);
}
