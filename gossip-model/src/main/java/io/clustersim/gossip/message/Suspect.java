package io.clustersim.gossip.message;

/** "{@code from} suspects {@code node} at {@code incarnation}." Distinct senders confirm a suspicion. */
public record Suspect(String node, long incarnation, String from) implements Update {
    @Override
    public int sizeBytes() {
        return 12 + node.length() + from.length();
    }
}
