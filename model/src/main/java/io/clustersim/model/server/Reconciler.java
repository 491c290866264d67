package io.clustersim.model.server;

import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.serf.Member;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.Configuration;
import java.util.List;

/**
 * The leader's reconcile of Raft's peers with Serf's members (nomad {@code nomad/leader.go}
 * reconcileMember, addRaftPeer, removeRaftPeer): an alive server of the region that Raft does
 * not know joins as a non-voter (autopilot promotes it later); a server that left, or was reaped,
 * is removed. A failed server stays a voter: only autopilot or a force-leave removes it. Other
 * regions' servers are ignored.
 */
final class Reconciler {
    private final ServerIdentity self;
    private final RaftServer raft;
    private final MembershipChanges changes;

    Reconciler(ServerIdentity self, RaftServer raft, MembershipChanges changes) {
        this.self = self;
        this.raft = raft;
        this.changes = changes;
    }

    /** A full pass over every member (nomad reconcile, after the leader's barrier). */
    void reconcileAll(List<Member> members) {
        for (Member m : members) {
            member(m.name(), m.address(), m.tags(), m.status());
        }
    }

    /** One member's news (its Serf event, or a full pass). A reaped member comes as LEFT. */
    void member(String name, NodeId address, java.util.Map<String, String> tags, MemberStatus status) {
        if (!ServerTags.isServer(tags) || !self.region().equals(tags.get(Tags.REGION))) {
            return;
        }
        Configuration c = raft.view().configuration();
        switch (status) {
            case ALIVE -> {
                if (c.contains(address)) {
                    return;
                }
                // nomad addRaftPeer: a small cluster does not reconcile itself in.
                if (address.equals(self.node()) && c.size() < 3) {
                    return;
                }
                changes.submit(MembershipChanges.Op.ADD_NONVOTER, address);
            }
            case LEFT -> {
                if (c.contains(address) && !address.equals(self.node())) {
                    changes.submit(MembershipChanges.Op.REMOVE, address);
                }
            }
            default -> {
                // FAILED stays in Raft; LEAVING waits for LEFT.
            }
        }
    }
}
