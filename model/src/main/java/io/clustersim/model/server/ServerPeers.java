package io.clustersim.model.server;

import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.serf.Member;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.gossip.serf.Serf;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The Nomad servers a server knows from its Serf pool (nomad's peer cache, {@code s.peers},
 * fed by Serf events): by region, with their Serf status. A server that left (or was reaped) is
 * not a peer; a failed one is, until it leaves or is reaped. "Alive" counts a leaving server as
 * alive, as Nomad's autopilot does.
 */
final class ServerPeers {
    private final Serf serf;
    /** The alive servers' nodes by region, until the next Serf event: every client heartbeat asks. */
    private final java.util.Map<String, List<NodeId>> aliveAddresses = new java.util.TreeMap<>();

    ServerPeers(Serf serf) {
        this.serf = serf;
    }

    /** Serf's view changed (a member joined, left, failed, updated): cached answers are stale. */
    void changed() {
        aliveAddresses.clear();
    }

    /** Servers of {@code region} that are peers (alive, leaving or failed), in name order. */
    List<Member> inRegion(String region) {
        List<Member> out = new ArrayList<>();
        for (Member m : serf.members()) {
            if (ServerTags.isServer(m.tags()) && region.equals(m.tag(Tags.REGION)) && isPeer(m.status())) {
                out.add(m);
            }
        }
        return out;
    }

    /** Servers of {@code region} that Serf sees alive (or leaving). */
    List<Member> aliveInRegion(String region) {
        List<Member> out = new ArrayList<>();
        for (Member m : inRegion(region)) {
            if (isAlive(m.status())) {
                out.add(m);
            }
        }
        return out;
    }

    /** The nodes of {@link #aliveInRegion}: the server list a client gets in each heartbeat reply. */
    List<NodeId> aliveAddressesInRegion(String region) {
        return aliveAddresses.computeIfAbsent(region, r -> {
            List<NodeId> out = new ArrayList<>();
            for (Member m : aliveInRegion(r)) {
                out.add(m.address());
            }
            return List.copyOf(out);
        });
    }

    static boolean isPeer(MemberStatus s) {
        return s == MemberStatus.ALIVE || s == MemberStatus.LEAVING || s == MemberStatus.FAILED;
    }

    static boolean isAlive(MemberStatus s) {
        return s == MemberStatus.ALIVE || s == MemberStatus.LEAVING;
    }
}
