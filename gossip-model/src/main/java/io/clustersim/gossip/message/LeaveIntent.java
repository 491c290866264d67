package io.clustersim.gossip.message;

/** Serf {@code messageLeave}: {@code node} intends to leave, as of Lamport time {@code ltime}. */
public record LeaveIntent(String node, long ltime) implements Update {
    @Override
    public int sizeBytes() {
        return 11 + node.length();
    }
}
