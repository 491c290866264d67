package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.Update;
import io.clustersim.gossip.observe.Confirmation;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.Refutation;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One memberlist {@code a} on {@link ManualPorts}, with peers {@code b..f} known alive at
 * incarnation 1, and everything it reports recorded: state changes, refutations, confirmations,
 * sends, and the delegate's join, leave and update callbacks. Tests hand it messages as if they
 * came from the network and read what it sent.
 */
final class MemberFixture {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final List<String> PEERS = List.of("b", "c", "d", "e", "f");

    final List<StateChange> changes = new ArrayList<>();
    final List<Refutation> refutations = new ArrayList<>();
    final List<Confirmation> confirmations = new ArrayList<>();
    final List<String> observedSends = new ArrayList<>();
    final List<String> delegateEvents = new ArrayList<>();
    /** One send as the observer saw it, with its time. */
    record TimedSend(long time, String to, GossipMessage message) {}

    final List<TimedSend> timedSends = new ArrayList<>();
    /** When {@code a} last sent a ping (of its own probe or relayed). */
    long lastPingAt = -1;
    final ManualPorts ports;
    final Memberlist a;

    MemberFixture() {
        this(MemberlistConfig.lan(), 5, 42, null);
    }

    MemberFixture(MemberlistConfig config, int peers) {
        this(config, peers, 42, null);
    }

    /** @param delegate null for one that records joins, leaves and updates */
    MemberFixture(MemberlistConfig config, int peers, long seed, MemberlistDelegate delegate) {
        ports = new ManualPorts(id("a"), seed);
        GossipObserver observer = new GossipObserver() {
            @Override
            public void onStateChange(StateChange change) {
                changes.add(change);
            }

            @Override
            public void onRefutation(Refutation r) {
                refutations.add(r);
            }

            @Override
            public void onSuspicionConfirmed(Confirmation c) {
                confirmations.add(c);
            }

            @Override
            public void onSend(long timeNanos, String from, NodeId to, GossipMessage message, Delivery delivery) {
                observedSends.add(from + "->" + to.name() + " " + message.getClass().getSimpleName());
                timedSends.add(new TimedSend(timeNanos, to.name(), message));
                if (message instanceof Ping) {
                    lastPingAt = timeNanos;
                }
            }
        };
        MemberlistDelegate recording = new MemberlistDelegate() {
            @Override
            public void notifyJoin(NodeInfo node) {
                delegateEvents.add("join " + node.name());
            }

            @Override
            public void notifyLeave(NodeInfo node) {
                delegateEvents.add("leave " + node.name());
            }

            @Override
            public void notifyUpdate(NodeInfo node) {
                delegateEvents.add("update " + node.name());
            }
        };
        a = new Memberlist("a", Map.of("role", "nomad"), config, ports, delegate == null ? recording : delegate, observer);
        a.start();
        for (int i = 0; i < peers; i++) {
            a.addKnownMember(PEERS.get(i), id(PEERS.get(i)), Map.of());
        }
        changes.clear();
        delegateEvents.clear();
    }

    static NodeId id(String name) {
        int i = "abcdefghij".indexOf(name);
        return new NodeId(i < 0 ? 20 + name.length() : i, name);
    }

    static Alive alive(String node, long inc) {
        return new Alive(node, id(node), inc, new TreeMap<>());
    }

    void hear(Update... updates) {
        a.handle(id("b"), new Gossip(List.of(updates)));
    }

    MemberState state(String name) {
        return a.member(name).orElseThrow().state();
    }

    long incarnation(String name) {
        return a.member(name).orElseThrow().incarnation();
    }

    /** Runs the clock in 10 ms steps until {@code a} sends its next probe; returns that ping. */
    Ping nextPing() {
        ports.sent.clear();
        for (int i = 0; i < 100_000 && sent(Ping.class).isEmpty(); i++) {
            ports.advance(10 * MS);
        }
        return sent(Ping.class).get(0);
    }

    <T> List<T> sent(Class<T> type) {
        return ports.sent.stream().map(ManualPorts.Sent::message).filter(type::isInstance).map(type::cast)
                .collect(Collectors.toList());
    }

    /** What was sent, as "to Kind", in order. */
    List<String> sentSummary() {
        return ports.sent.stream().map(s -> s.to().name() + " " + s.message().getClass().getSimpleName())
                .collect(Collectors.toList());
    }

    /**
     * A fixture that does not probe: its one early probe is answered and the next is an hour
     * away, so that no member's state changes unless the test changes it.
     */
    static MemberFixture quiet(MemberlistConfig.Builder config, MemberlistDelegate delegate) {
        MemberFixture f = new MemberFixture(config.probeInterval(java.time.Duration.ofHours(1)).build(), 5, 42, delegate);
        Ping p = f.nextPing();
        f.a.handle(id(p.target()), new io.clustersim.gossip.message.Ack(p.seqNo(), List.of()));
        f.ports.advance(2 * S); // its own alive has been gossiped its last time
        f.ports.sent.clear();
        f.timedSends.clear();
        return f;
    }

    /** Runs the clock for {@code nanos} in 10 ms steps, answering each of {@code a}'s probes at once. */
    void runAnsweringProbes(long nanos) {
        long end = ports.now() + nanos;
        while (ports.now() < end) {
            int before = ports.sent.size();
            ports.advance(Math.min(10 * MS, end - ports.now()));
            for (ManualPorts.Sent s : List.copyOf(ports.sent.subList(before, ports.sent.size()))) {
                if (s.message() instanceof Ping p && p.source().equals("a") && s.to().name().equals(p.target())) {
                    a.handle(s.to(), new io.clustersim.gossip.message.Ack(p.seqNo(), List.of()));
                }
            }
        }
    }

    <T> List<ManualPorts.Sent> sentOf(Class<T> type) {
        return ports.sent.stream().filter(s -> type.isInstance(s.message())).collect(Collectors.toList());
    }
}
