package io.clustersim.gossip.message;

/**
 * A piece of news that is broadcast: queued, piggybacked on packets and gossiped a bounded number
 * of times. Memberlist's own are {@link Alive}, {@link Suspect} and {@link Dead}; Serf adds its
 * member intents.
 */
public sealed interface Update permits Alive, Suspect, Dead, JoinIntent, LeaveIntent {
    /** The member the news is about. */
    String node();

    /** Estimated encoded size in bytes. */
    int sizeBytes();
}
