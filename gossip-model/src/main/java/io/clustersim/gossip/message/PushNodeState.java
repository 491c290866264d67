package io.clustersim.gossip.message;

import io.clustersim.kernel.node.NodeId;
import java.util.SortedMap;

/** One member as listed in a push-pull state exchange. */
public record PushNodeState(String name, NodeId address, long incarnation, MemberState state,
        SortedMap<String, String> tags) {
    public PushNodeState {
        tags = Tags.copyOf(tags);
    }

    public int sizeBytes() {
        return 24 + name.length() + Tags.sizeBytes(tags);
    }
}
