package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.config.ProbeTargets;
import io.clustersim.gossip.observe.Cause;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.IndirectPing;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Nack;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.StreamAck;
import io.clustersim.gossip.message.StreamPing;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The failure detector (memberlist {@code state.go} {@code probe}, {@code probeNode}; {@code net.go}
 * ping handlers). Every ProbeInterval one member is probed:
 * <ol>
 *   <li>a ping, then up to ProbeTimeout for its ack;
 *   <li>if none, IndirectChecks helpers ping the target for us (and nack when they hear nothing,
 *       Lifeguard), and a ping over the stream connection is tried in parallel;
 *   <li>at the end of the window, ProbeInterval x (awareness+1), still no ack: suspect it.
 * </ol>
 * A probe that runs past the next tick keeps that one tick, like Go's ticker, so the next probe
 * starts as soon as it ends.
 */
final class Prober {
    private final Memberlist m;
    /** Open ack handlers by sequence number: our probe's and those relayed for others. */
    private final Map<Long, AckHandler> ackHandlers = new TreeMap<>();
    private Round round;
    private boolean tickPending;
    private Timer ticker;

    Prober(Memberlist m) {
        this.m = m;
    }

    void start() {
        // A random stagger keeps members from probing in lockstep.
        ticker = m.ports.setTimer("memberlist.probe", m.rng.nextLong(m.probeIntervalNanos), this::tick);
    }

    void stop() {
        if (ticker != null) {
            ticker.cancel();
        }
        if (round != null) {
            round.cancelTimers();
            round = null;
        }
        for (AckHandler h : ackHandlers.values()) {
            if (h.expiry != null) {
                h.expiry.cancel();
            }
        }
        ackHandlers.clear();
    }

    private void tick() {
        ticker = m.ports.setTimer("memberlist.probe", m.probeIntervalNanos, this::tick);
        if (round != null) {
            tickPending = true;
            return;
        }
        probe();
    }

    private void probe() {
        NodeState target = m.config.probeTargets() == ProbeTargets.RANDOM
                ? m.nodes.randomProbeTarget(m.name, m.rng)
                : m.nodes.nextProbeTarget(m.name, m.ports.now(), m.gossipToTheDeadNanos, m.rng);
        if (target != null) {
            probeNode(target);
        }
    }

    private void probeNode(NodeState node) {
        long window = m.awareness.scaleTimeout(m.probeIntervalNanos);
        Round r = new Round(m.nextSeqNo(), node.name, node.address, node.incarnation, m.ports.now() + window);
        round = r;
        ackHandlers.put(r.seqNo, new AckHandler(() -> finish(r, -1), () -> r.nacks++, null));
        if (node.state == MemberState.ALIVE || !m.config.lifeguard()) {
            m.sendPacket(node.address, updates -> new Ping(r.seqNo, node.name, m.name, updates));
        } else {
            // Lifeguard's buddy system: tell a suspect it is suspected, so it can refute at once.
            Suspect s = new Suspect(node.name, node.incarnation, m.name);
            m.sendRaw(node.address, new Ping(r.seqNo, node.name, m.name, List.of(s)), Delivery.DATAGRAM);
        }
        // The direct timeout is not scaled by awareness: waiting longer would not get UDP through.
        r.probeTimeout = m.ports.setTimer("memberlist.probeTimeout", m.probeTimeoutNanos, () -> probeIndirectly(r));
        r.windowEnd = m.ports.setTimer("memberlist.probeWindow", window, () -> windowEnded(r));
    }

    private void probeIndirectly(Round r) {
        if (round != r) {
            return;
        }
        List<NodeState> helpers = m.nodes.kRandom(m.config.indirectChecks(),
                n -> n.name.equals(m.name) || n.name.equals(r.target) || n.state != MemberState.ALIVE, m.rng);
        boolean nack = m.config.lifeguard();
        for (NodeState helper : helpers) {
            if (nack) {
                r.expectedNacks++;
            }
            m.sendPacket(helper.address,
                    updates -> new IndirectPing(r.seqNo, r.target, r.targetAddress, nack, m.name, updates));
        }
        if (!m.config.disableTcpPings()) {
            // Also try the stream connection: a member cut off from UDP alone is not failed.
            m.sendRaw(r.targetAddress, new StreamPing(r.seqNo, r.target, m.name), Delivery.FIFO);
        }
    }

    private void windowEnded(Round r) {
        if (round != r) {
            return;
        }
        ackHandlers.remove(r.seqNo);
        if (r.streamContact) {
            finish(r, -1);
            return;
        }
        // Lifeguard: helpers that did not even nack suggest the fault is ours, not the target's.
        int delta = r.expectedNacks > 0 ? Math.max(0, r.expectedNacks - r.nacks) : 1;
        round = null;
        r.cancelTimers();
        m.awareness.applyDelta(delta);
        m.rules.suspectNode(new Suspect(r.target, r.incarnation, m.name), Cause.PROBE);
        next();
    }

    private void finish(Round r, int awarenessDelta) {
        if (round != r) {
            return;
        }
        round = null;
        ackHandlers.remove(r.seqNo);
        r.cancelTimers();
        m.awareness.applyDelta(awarenessDelta);
        next();
    }

    private void next() {
        if (tickPending && !m.isShutdown()) {
            tickPending = false;
            probe();
        }
    }

    void onAck(long seqNo) {
        AckHandler h = ackHandlers.remove(seqNo);
        if (h != null) {
            if (h.expiry != null) {
                h.expiry.cancel();
            }
            h.onAck.run();
        }
    }

    void onNack(long seqNo) {
        AckHandler h = ackHandlers.get(seqNo);
        if (h != null && h.onNack != null) {
            h.onNack.run();
        }
    }

    void onStreamAck(long seqNo) {
        if (round != null && round.seqNo == seqNo && m.ports.now() < round.deadline) {
            round.streamContact = true;
        }
    }

    void handlePing(NodeId from, Ping p) {
        // A ping meant for a previous owner of this address is not ours to answer.
        if (p.target().equals(m.name)) {
            m.sendPacket(from, updates -> new Ack(p.seqNo(), updates));
        }
    }

    void handleStreamPing(NodeId from, StreamPing p) {
        if (p.target().equals(m.name)) {
            m.sendRaw(from, new StreamAck(p.seqNo()), Delivery.FIFO);
        }
    }

    /** Pings the target for a prober; relays its ack, or nacks after ProbeTimeout if asked. */
    void handleIndirectPing(NodeId from, IndirectPing req) {
        long local = m.nextSeqNo();
        AckHandler relay = new AckHandler(
                () -> m.sendPacket(from, updates -> new Ack(req.seqNo(), updates)), null, null);
        relay.expiry = m.ports.setTimer("memberlist.indirectTimeout", m.probeTimeoutNanos, () -> {
            if (ackHandlers.remove(local) != null && req.nack()) {
                m.sendPacket(from, updates -> new Nack(req.seqNo(), updates));
            }
        });
        ackHandlers.put(local, relay);
        m.sendPacket(req.targetAddress(), updates -> new Ping(local, req.target(), m.name, updates));
    }

    private static final class AckHandler {
        final Runnable onAck;
        final Runnable onNack;
        Timer expiry;

        AckHandler(Runnable onAck, Runnable onNack, Timer expiry) {
            this.onAck = onAck;
            this.onNack = onNack;
            this.expiry = expiry;
        }
    }

    /** One probe in flight. */
    private static final class Round {
        final long seqNo;
        final String target;
        final NodeId targetAddress;
        final long incarnation;
        final long deadline;
        int expectedNacks;
        int nacks;
        boolean streamContact;
        Timer probeTimeout;
        Timer windowEnd;

        Round(long seqNo, String target, NodeId targetAddress, long incarnation, long deadline) {
            this.seqNo = seqNo;
            this.target = target;
            this.targetAddress = targetAddress;
            this.incarnation = incarnation;
            this.deadline = deadline;
        }

        void cancelTimers() {
            if (probeTimeout != null) {
                probeTimeout.cancel();
            }
            if (windowEnd != null) {
                windowEnd.cancel();
            }
        }
    }
}
