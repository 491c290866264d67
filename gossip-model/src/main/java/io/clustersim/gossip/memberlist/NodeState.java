package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.kernel.node.NodeId;
import java.util.SortedMap;

/** memberlist's mutable {@code nodeState}: what this member believes about one member. */
final class NodeState {
    final String name;
    NodeId address;
    long incarnation;
    /** Change it only through {@link NodeTable#setState}, which counts the dead and left. */
    MemberState state;
    long stateChange;
    SortedMap<String, String> tags;

    NodeState(String name, NodeId address, long incarnation, MemberState state, long stateChange,
            SortedMap<String, String> tags) {
        this.name = name;
        this.address = address;
        this.incarnation = incarnation;
        this.state = state;
        this.stateChange = stateChange;
        this.tags = tags;
    }

    NodeInfo info() {
        return new NodeInfo(name, address, incarnation, state, tags, stateChange);
    }

    PushNodeState pushState() {
        return new PushNodeState(name, address, incarnation, state, tags);
    }
}
