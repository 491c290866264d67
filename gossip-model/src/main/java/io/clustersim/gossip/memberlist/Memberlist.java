package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.message.IndirectPing;
import io.clustersim.gossip.message.JoinIntent;
import io.clustersim.gossip.message.LeaveIntent;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Nack;
import io.clustersim.gossip.message.Packet;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.PushPullResponse;
import io.clustersim.gossip.message.StreamAck;
import io.clustersim.gossip.message.StreamPing;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.message.Update;
import io.clustersim.gossip.observe.Cause;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.port.GossipPorts;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One member's memberlist: a sans-IO component driven by {@link #handle} and its own timers,
 * acting only through {@link GossipPorts}.
 *
 * <p>Lifecycle: {@link #start()} (self alive, probe, gossip and push-pull loops), then
 * {@link #join} through seed addresses, or {@link #addKnownMember} to start already converged;
 * {@link #leave} announces a graceful departure; {@link #shutdown()} stops everything.
 */
public final class Memberlist {
    /** memberlist's per-message framing in a compound packet. */
    static final int COMPOUND_OVERHEAD = 2;

    final String name;
    final NodeId address;
    final MemberlistConfig config;
    final GossipPorts ports;
    final UniformRandomProvider rng;
    final MemberlistDelegate delegate;
    final GossipObserver observer;
    final NodeTable nodes;
    final TransmitLimitedQueue broadcasts;
    final Awareness awareness;
    final NodeStateRules rules;
    final long probeIntervalNanos;
    final long probeTimeoutNanos;
    final long gossipToTheDeadNanos;
    final long pushPullIntervalNanos;
    final long tcpTimeoutNanos;
    private final Prober prober;
    private final PushPull pushPull;
    private final Gossiper gossiper;
    private SortedMap<String, String> tags;
    private long incarnation;
    private long seqNo;
    private boolean left;
    private boolean shutdown;
    private List<PushNodeState> pushState;
    private int pushStateVersion;

    public Memberlist(String name, Map<String, String> tags, MemberlistConfig config, GossipPorts ports,
            MemberlistDelegate delegate, GossipObserver observer) {
        this.name = Objects.requireNonNull(name, "name");
        this.nodes = new NodeTable(name);
        this.tags = Tags.copyOf(tags);
        this.config = Objects.requireNonNull(config, "config");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.address = ports.self();
        this.rng = ports.random();
        this.delegate = delegate == null ? MemberlistDelegate.NONE : delegate;
        this.observer = observer == null ? GossipObserver.NONE : observer;
        this.broadcasts = new TransmitLimitedQueue(nodes::size, config.retransmitMult());
        // Lifeguard off: awareness pinned at 0, so the probe window never stretches.
        this.awareness = new Awareness(config.lifeguard() ? config.awarenessMaxMultiplier() : 1);
        this.probeIntervalNanos = config.probeInterval().toNanos();
        this.probeTimeoutNanos = config.probeTimeout().toNanos();
        this.gossipToTheDeadNanos = config.gossipToTheDeadTime().toNanos();
        this.pushPullIntervalNanos = config.pushPullInterval().toNanos();
        this.tcpTimeoutNanos = config.tcpTimeout().toNanos();
        this.rules = new NodeStateRules(this);
        this.prober = new Prober(this);
        this.pushPull = new PushPull(this);
        this.gossiper = new Gossiper(this, config.gossipInterval().toNanos());
    }

    /** Marks self alive at incarnation 1 and starts the probe, gossip and push-pull loops. */
    public void start() {
        rules.aliveNode(new Alive(name, address, nextIncarnation(), tags), true, true, null, Cause.SELF);
        prober.start();
        gossiper.start();
        pushPull.start();
    }

    /** Joins through {@code seeds} by push-pull with each; {@code onDone} gets how many answered. */
    public void join(List<NodeId> seeds, IntConsumer onDone) {
        pushPull.join(seeds, onDone);
    }

    /**
     * Learns a member as alive at incarnation 1 without broadcasting: a modelling shortcut for
     * starting a pool already converged, as if everyone had joined long ago.
     */
    public void addKnownMember(String member, NodeId memberAddress, Map<String, String> memberTags) {
        rules.aliveNode(new Alive(member, memberAddress, 1, Tags.copyOf(memberTags)), false, false, null,
                Cause.KNOWN_AT_START);
    }

    /**
     * Leaves gracefully: a dead message about ourselves, sent by ourselves, which others record as
     * left rather than failed. {@code onDone} runs once it has been broadcast its last time, or
     * after {@code timeoutNanos}, or at once when nobody else is alive.
     */
    public void leave(long timeoutNanos, Runnable onDone) {
        if (left || shutdown) {
            onDone.run();
            return;
        }
        left = true;
        Timer[] timeout = new Timer[1];
        boolean[] done = new boolean[1];
        Runnable finish = () -> {
            if (!done[0]) {
                done[0] = true;
                if (timeout[0] != null) {
                    timeout[0].cancel();
                }
                onDone.run();
            }
        };
        boolean wait = anyAlive();
        NodeState self = nodes.get(name);
        rules.deadNode(new Dead(name, self.incarnation, name), wait ? finish : null, Cause.SELF);
        if (wait && !done[0]) {
            timeout[0] = ports.setTimer("memberlist.leaveTimeout", timeoutNanos, finish);
        } else {
            finish.run();
        }
    }

    /**
     * Stops all loops and their timers; afterwards messages are ignored and nothing is sent. A
     * leave still waiting for its broadcast keeps its timeout: memberlist's {@code Leave} blocks on
     * the broadcast or {@code time.After(timeout)}, and a {@code Shutdown} meanwhile (which drops
     * the broadcast queue) leaves it to return at the timeout.
     */
    public void shutdown() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        prober.stop();
        pushPull.stop();
        rules.cancelAll();
        gossiper.stop();
        broadcasts.clear();
    }

    /** New tags: a higher incarnation carries them, and members see an update (memberlist {@code UpdateNode}). */
    public void updateTags(Map<String, String> newTags) {
        this.tags = Tags.copyOf(newTags);
        rules.aliveNode(new Alive(name, address, nextIncarnation(), tags), true, true, null, Cause.SELF);
    }

    /** Handles a message from the network; piggybacked updates are applied after the packet itself. */
    public void handle(NodeId from, GossipMessage msg) {
        if (shutdown) {
            return;
        }
        if (msg instanceof Packet) {
            handlePacket(from, (Packet) msg);
            for (Update u : ((Packet) msg).updates()) {
                handleUpdate(u);
            }
        } else if (msg instanceof StreamPing) {
            prober.handleStreamPing(from, (StreamPing) msg);
        } else if (msg instanceof StreamAck) {
            prober.onStreamAck(((StreamAck) msg).seqNo());
        } else if (msg instanceof PushPullRequest) {
            pushPull.onRequest(from, (PushPullRequest) msg);
        } else if (msg instanceof PushPullResponse) {
            pushPull.onResponse((PushPullResponse) msg);
        } else {
            throw new IllegalArgumentException("unknown gossip message " + msg);
        }
    }

    private void handlePacket(NodeId from, Packet p) {
        if (p instanceof Ping) {
            prober.handlePing(from, (Ping) p);
        } else if (p instanceof Ack) {
            prober.onAck(((Ack) p).seqNo());
        } else if (p instanceof Nack) {
            prober.onNack(((Nack) p).seqNo());
        } else if (p instanceof IndirectPing) {
            prober.handleIndirectPing(from, (IndirectPing) p);
        } else if (!(p instanceof Gossip)) {
            throw new IllegalArgumentException("unknown packet " + p);
        }
    }

    private void handleUpdate(Update u) {
        if (shutdown) {
            return;
        }
        if (u instanceof Alive) {
            rules.aliveNode((Alive) u, false, true, null, Cause.GOSSIP);
        } else if (u instanceof Suspect) {
            rules.suspectNode((Suspect) u, Cause.GOSSIP);
        } else if (u instanceof Dead) {
            rules.deadNode((Dead) u, null, Cause.GOSSIP);
        } else if (u instanceof JoinIntent || u instanceof LeaveIntent) {
            delegate.notifyUserUpdate(u);
        } else {
            throw new IllegalArgumentException("unknown update " + u);
        }
    }

    /** Sends a packet with as many pending broadcasts piggybacked as fit in the UDP buffer. */
    void sendPacket(NodeId to, Function<List<Update>, Packet> build) {
        if (shutdown) {
            return;
        }
        Packet bare = build.apply(List.of());
        int limit = config.udpBufferSize() - bare.headerBytes() - COMPOUND_OVERHEAD;
        List<Update> extra = gossiper.getBroadcasts(COMPOUND_OVERHEAD, limit);
        sendRaw(to, extra.isEmpty() ? bare : build.apply(extra), Delivery.DATAGRAM);
    }

    void sendRaw(NodeId to, GossipMessage msg, Delivery delivery) {
        if (shutdown) {
            return;
        }
        observer.onSend(ports.now(), name, to, msg, delivery);
        ports.send(to, msg, delivery);
    }

    void queueBroadcast(String member, Update update, Runnable notify) {
        broadcasts.queue(update, member, notify);
    }

    /**
     * Every listed member as a push-pull sends it, in probe order. Kept until the table changes: a
     * steady pool's list rarely does, and building it looks at every member, which in a large
     * pool is a cache miss each, twice per exchange.
     */
    List<PushNodeState> localPushState() {
        if (pushState == null || pushStateVersion != nodes.version()) {
            List<PushNodeState> out = new ArrayList<>(nodes.size());
            for (NodeState n : nodes.ordered()) {
                out.add(n.pushState());
            }
            pushState = List.copyOf(out);
            pushStateVersion = nodes.version();
        }
        return pushState;
    }

    long nextSeqNo() {
        return ++seqNo;
    }

    long nextIncarnation() {
        return ++incarnation;
    }

    long skipIncarnation(long offset) {
        incarnation += offset;
        return incarnation;
    }

    private boolean anyAlive() {
        for (NodeState n : nodes.ordered()) {
            if (!n.state.deadOrLeft() && !n.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ----- read-only views, for Serf, the harness and tests -----

    public String name() {
        return name;
    }

    public NodeId address() {
        return address;
    }

    public MemberlistConfig config() {
        return config;
    }

    public boolean hasLeft() {
        return left;
    }

    public boolean isShutdown() {
        return shutdown;
    }

    /** memberlist's {@code NumMembers}-like estimate: everyone listed, self and recent dead included. */
    public int numNodes() {
        return nodes.size();
    }

    /** This member's current incarnation as it advertises it. */
    public long incarnation() {
        NodeState self = nodes.get(name);
        return self == null ? incarnation : self.incarnation;
    }

    /** The Lifeguard health score, 0 (healthy) to AwarenessMaxMultiplier-1. */
    public int awarenessScore() {
        return awareness.score();
    }

    /** How this member sees {@code member}, if it knows it. */
    public Optional<NodeInfo> member(String member) {
        NodeState n = nodes.get(member);
        return n == null ? Optional.empty() : Optional.of(n.info());
    }

    /** Every listed member, by name. */
    public List<NodeInfo> members() {
        List<NodeInfo> out = new ArrayList<>(nodes.size());
        for (NodeState n : nodes.ordered()) {
            out.add(n.info());
        }
        out.sort(Comparator.comparing(NodeInfo::name));
        return out;
    }

    /** How many members this one sees in {@code state}. */
    public int count(MemberState state) {
        int c = 0;
        for (NodeState n : nodes.ordered()) {
            if (n.state == state) {
                c++;
            }
        }
        return c;
    }

    /** Confirmations of a running suspicion of {@code member}, or -1 when it is not suspected. */
    public int suspicionConfirmations(String member) {
        return rules.confirmations(member);
    }

    /** Broadcasts waiting in memberlist's own queue. */
    public int pendingBroadcasts() {
        return broadcasts.size();
    }
}
