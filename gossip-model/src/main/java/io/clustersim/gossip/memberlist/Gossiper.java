package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.Update;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * Dissemination (memberlist {@code gossip}, {@code getBroadcasts}; reference 2.3): every
 * GossipInterval the pending broadcasts go to GossipNodes random members, and every packet sent
 * carries what fits.
 */
final class Gossiper {
    private final Memberlist m;
    private final long intervalNanos;
    private Timer ticker;

    Gossiper(Memberlist m, long intervalNanos) {
        this.m = m;
        this.intervalNanos = intervalNanos;
    }

    void start() {
        ticker = m.ports.setTimer("memberlist.gossip", m.rng.nextLong(intervalNanos), this::tick);
    }

    void stop() {
        if (ticker != null) {
            ticker.cancel();
        }
    }

    /**
     * Sends pending broadcasts to GossipNodes random members that are alive, suspect, or dead for
     * less than GossipToTheDeadTime (so that the dead may still hear of it and refute). Nothing is
     * sent when nothing is pending.
     */
    private void tick() {
        ticker = m.ports.setTimer("memberlist.gossip", intervalNanos, this::tick);
        long now = m.ports.now();
        List<NodeState> targets = m.nodes.kRandom(m.config.gossipNodes(), n -> {
            if (n.name.equals(m.name)) {
                return true;
            }
            switch (n.state) {
                case ALIVE:
                case SUSPECT:
                    return false;
                case DEAD:
                    return now - n.stateChange > m.gossipToTheDeadNanos;
                default:
                    return true;
            }
        }, m.rng);
        int limit = m.config.udpBufferSize() - Memberlist.COMPOUND_OVERHEAD;
        for (NodeState target : targets) {
            List<Update> updates = getBroadcasts(Memberlist.COMPOUND_OVERHEAD, limit);
            if (updates.isEmpty()) {
                return;
            }
            m.sendRaw(target.address, new Gossip(updates), Delivery.DATAGRAM);
        }
    }

    /** memberlist's own broadcasts first, then the upper layer's in the space left. */
    List<Update> getBroadcasts(int overhead, int limit) {
        List<Update> own = m.broadcasts.getBroadcasts(overhead, limit);
        int used = 0;
        for (Update u : own) {
            used += overhead + u.sizeBytes();
        }
        List<Update> user = m.delegate.getBroadcasts(overhead, limit - used);
        if (user.isEmpty()) {
            return own;
        }
        List<Update> all = new ArrayList<>(own);
        all.addAll(user);
        return all;
    }
}
