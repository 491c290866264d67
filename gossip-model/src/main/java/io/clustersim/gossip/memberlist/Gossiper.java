package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.Update;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * Dissemination (memberlist {@code gossip}, {@code getBroadcasts}): every
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
        boolean anyGone = !m.nodes.allAliveOrSuspect();
        if (!anyGone && m.broadcasts.size() == 0 && !m.delegate.mayHaveBroadcasts()) {
            // Nothing to send, so the targets would go unused (memberlist picks them first, then
            // stops at the first empty batch); only the draws that pick them must still be made,
            // to keep this member's random stream where it would be. With nobody dead or left
            // they exclude only self and need no look at the members. In a large pool each look
            // is a cache miss, five rounds a second on every member: a fifth of the run time of
            // an idle 1,000-member pool (GossipPoolBenchmark) before this shortcut.
            m.nodes.drawKRandomOthers(m.config.gossipNodes(), m.rng);
            return;
        }
        long now = m.ports.now();
        // Self is the one listed member under our name; while nobody is dead or left, it is the
        // only one excluded.
        NodeState self = m.nodes.get(m.name);
        List<NodeState> targets = m.nodes.kRandom(m.config.gossipNodes(), n -> {
            if (n == self) {
                return true;
            }
            if (!anyGone) {
                return false;
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
