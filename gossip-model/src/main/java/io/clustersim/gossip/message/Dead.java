package io.clustersim.gossip.message;

/**
 * "{@code from} declares {@code node} dead at {@code incarnation}." When {@code from} equals
 * {@code node} the member is leaving on purpose and receivers mark it left (memberlist state.go deadNode: Dead.From equal to Dead.Node means a leave).
 */
public record Dead(String node, long incarnation, String from) implements Update {
    public boolean isLeave() {
        return node.equals(from);
    }

    @Override
    public int sizeBytes() {
        return 12 + node.length() + from.length();
    }
}
