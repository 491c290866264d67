package io.clustersim.gossip.message;

import io.clustersim.kernel.node.NodeId;
import java.util.SortedMap;

/** "{@code node} at {@code address} is alive at {@code incarnation}, with these tags." */
public record Alive(String node, NodeId address, long incarnation, SortedMap<String, String> tags) implements Update {
    public Alive {
        tags = Tags.copyOf(tags);
    }

    @Override
    public int sizeBytes() {
        return 24 + node.length() + Tags.sizeBytes(tags);
    }
}
