package io.clustersim.raft.log;

/**
 * What a client's write asks the replicated state machine to do: opaque to Raft, which only needs
 * its size (disk and wire cost) and a content digest (to check that logs match). A key-value
 * {@link Command} is one kind; a Nomad server's job registrations and node updates are others.
 */
public interface LogCommand {
    /** Bytes on disk and on the wire. */
    int sizeBytes();

    /** A digest of the content: equal commands give equal digests on every JVM (see {@link Digest}). */
    long digest();
}
