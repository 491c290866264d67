package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.MemberState;
import io.clustersim.kernel.node.NodeId;
import java.util.SortedMap;

/** A snapshot of one member as one memberlist sees it (memberlist's {@code Node} plus state). */
public record NodeInfo(String name, NodeId address, long incarnation, MemberState state,
        SortedMap<String, String> tags, long stateChangeNanos) {}
