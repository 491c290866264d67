package io.clustersim.gossip.message;

/** Serf {@code messageJoin}: {@code node} is (still) a member as of Lamport time {@code ltime}. */
public record JoinIntent(String node, long ltime) implements Update {
    @Override
    public int sizeBytes() {
        return 10 + node.length();
    }
}
