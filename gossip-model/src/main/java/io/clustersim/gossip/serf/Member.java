package io.clustersim.gossip.serf;

import io.clustersim.kernel.node.NodeId;
import java.util.SortedMap;

/** A snapshot of one member in one Serf agent's view. */
public record Member(String name, NodeId address, SortedMap<String, String> tags, MemberStatus status) {
    /** The tag {@code key}, or null. */
    public String tag(String key) {
        return tags.get(key);
    }
}
