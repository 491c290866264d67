package io.clustersim.gossip.serf;

import io.clustersim.kernel.node.NodeId;
import java.util.SortedMap;

/** Serf's mutable {@code memberState}. */
final class MemberRecord {
    final String name;
    NodeId address;
    SortedMap<String, String> tags;
    MemberStatus status;
    /** Lamport time of the last intent applied to this member. */
    long statusLTime;
    /** When it became failed or left, for the reaper. */
    long leaveTime;

    MemberRecord(String name, NodeId address, SortedMap<String, String> tags, MemberStatus status) {
        this.name = name;
        this.address = address;
        this.tags = tags;
        this.status = status;
    }

    Member snapshot() {
        return new Member(name, address, tags, status);
    }
}
