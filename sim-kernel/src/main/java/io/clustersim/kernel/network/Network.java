package io.clustersim.kernel.network;

import io.clustersim.kernel.World;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeEvent;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.random.Sampler;
import io.clustersim.kernel.trace.TraceKind;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Moves messages between nodes. Each directed link has its own random stream
 * ({@code net/<from>/<to>}), so traffic on one link never shifts another link's draws.
 *
 * <p>Timing of one message on a link: it waits for the link to be free (bandwidth), takes
 * size/bandwidth to serialise, then a sampled propagation latency. FIFO messages additionally
 * never arrive before an earlier message on the same link. A message is dropped when lost, when a
 * partition separates the nodes at sending or at arrival, or when the destination is down or
 * restarted meanwhile (the connection it travelled on is gone). Loss drops a datagram; a FIFO
 * (stream) message is resent instead, after 200 ms and doubling, as TCP does, and dropped only
 * when every try of a few is lost. A {@link MessageFaults message
 * fault} drops or delays messages of one kind; a {@link LinkFaults degraded link} adds latency,
 * jitter, loss or duplication on top of the configuration's.
 */
public final class Network {
    private final World world;
    /** Linux's minimum TCP retransmission timeout (TCP_RTO_MIN, 200 ms). */
    static final long MIN_RTO_NANOS = 200_000_000L;
    /** Retransmissions before a stream gives up on a message (its connection breaks). */
    static final int MAX_RETRANSMITS = 6;

    /**
     * The longest a stream message can spend in retransmission (200 ms doubling over the six
     * retransmissions, 12.6 s): after the network heals, messages sent while it was lossy, and those
     * queued behind them, may still take this long to arrive.
     */
    public static long maxRetransmissionDelayNanos() {
        long total = 0;
        long rto = MIN_RTO_NANOS;
        for (int tries = 1; tries <= MAX_RETRANSMITS; tries++) {
            total += rto;
            rto *= 2;
        }
        return total;
    }

    private final Partitions partitions = new Partitions();
    private final MessageFaults messageFaults = new MessageFaults();
    private final LinkFaults linkFaults = new LinkFaults();
    private final NetworkStats stats = new NetworkStats();
    /**
     * Message type names for the trace, one per class for the whole JVM. Static on purpose: a
     * per-network class value would keep its network, and its World, alive as long as the class.
     */
    private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };
    private NetworkConfig config;
    private int configVersion;
    private Link[][] links = new Link[0][];
    /**
     * Per node (by index): its NIC's bandwidth in bytes per second (0: no limit), when it is free
     * to send again, and how long it has spent sending. Everything a node sends, to whomever, goes
     * out through its one NIC in order.
     */
    private double[] nicBandwidth = new double[0];
    private long[] nicBusyUntil = new long[0];
    private long[] nicBusyNanos = new long[0];

    public Network(World world, NetworkConfig config) {
        this.world = world;
        this.config = config;
    }

    public NetworkConfig config() {
        return config;
    }

    /** Replaces latency, loss and duplication, e.g. for a latency fault. In-flight messages keep their timing. */
    public void reconfigure(NetworkConfig newConfig) {
        this.config = newConfig;
        configVersion++;
    }

    public Partitions partitions() {
        return partitions;
    }

    /** Faults on messages of a kind between given nodes (drop or delay). */
    public MessageFaults messageFaults() {
        return messageFaults;
    }

    /** Degraded links (added latency, jitter, loss, duplication). */
    public LinkFaults linkFaults() {
        return linkFaults;
    }

    public NetworkStats stats() {
        return stats;
    }

    /** Sends {@code message}; called through a node's context. */
    public void send(NodeId from, NodeId to, Message message, Delivery delivery) {
        String type = TYPE_NAMES.get(message.getClass());
        long now = world.now();
        stats.sent++;
        world.trace().record(now, TraceKind.SEND, from.name(), to.name(), type);
        Node dst = world.node(to);
        if (partitions.blocked(from, to)) {
            drop(now, from, to, type, "partition");
            return;
        }
        long extraDelay = 0;
        if (!messageFaults.isEmpty()) {
            MessageFaults.Rule rule = messageFaults.match(from, to, message);
            if (rule != null && rule.drop()) {
                drop(now, from, to, type, "message-fault");
                return;
            }
            extraDelay = rule == null ? 0 : rule.delayNanos();
        }
        Link link = link(from, to);
        double loss = config.lossProbability();
        double duplication = config.duplicationProbability();
        if (!linkFaults.isEmpty()) {
            for (int i = 0; i < linkFaults.size(); i++) {
                LinkFaults.Degradation d = linkFaults.get(i);
                if (d.matches(from.index(), to.index(), link.linkClass)) {
                    extraDelay += d.addedLatencyNanos();
                    if (d.jitterNanos() > 0) {
                        extraDelay += link.rng.nextLong(d.jitterNanos());
                    }
                    loss = 1 - (1 - loss) * (1 - d.loss());
                    duplication = 1 - (1 - duplication) * (1 - d.duplication());
                }
            }
        }
        if (loss > 0 && link.rng.nextDouble() < loss) {
            if (delivery == Delivery.DATAGRAM) {
                drop(now, from, to, type, "loss");
                return;
            }
            // A stream (TCP) does not lose a message, it resends it after a retransmission
            // timeout, doubling each time; a link that loses every try breaks the connection.
            long rto = MIN_RTO_NANOS;
            long retransmitDelay = rto;
            int tries = 1;
            while (link.rng.nextDouble() < loss) {
                if (++tries > MAX_RETRANSMITS) {
                    drop(now, from, to, type, "loss");
                    return;
                }
                rto *= 2;
                retransmitDelay += rto;
            }
            stats.retransmitted++;
            extraDelay += retransmitDelay;
        }
        if (!dst.isUp() && dst.state() != io.clustersim.kernel.node.NodeState.PAUSED) {
            drop(now, from, to, type, "down");
            return;
        }
        schedule(link, dst, from, message, type, delivery, now, extraDelay);
        if (duplication > 0 && link.rng.nextDouble() < duplication) {
            stats.duplicated++;
            stats.sent++;
            schedule(link, dst, from, message, type, delivery, now, extraDelay);
        }
    }

    /** Limits what {@code node} sends to {@code bytesPerSecond} in all (0: no limit, the default). */
    public void setNicBandwidth(NodeId node, double bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("a NIC's bandwidth must not be negative");
        }
        int i = node.index();
        if (i >= nicBandwidth.length) {
            int n = Math.max(i + 1, world.nodes().size());
            nicBandwidth = Arrays.copyOf(nicBandwidth, n);
            nicBusyUntil = Arrays.copyOf(nicBusyUntil, n);
            nicBusyNanos = Arrays.copyOf(nicBusyNanos, n);
        }
        nicBandwidth[i] = bytesPerSecond;
    }

    /** The share of the run so far that {@code node}'s NIC spent sending (0 without a limit). */
    public double nicUtilisation(NodeId node) {
        long now = world.now();
        int i = node.index();
        return i >= nicBusyNanos.length || now == 0 ? 0 : nicBusyNanos[i] / (double) now;
    }

    private void schedule(Link link, Node dst, NodeId from, Message message, String type, Delivery delivery, long now,
            long extraDelay) {
        long start = now;
        int f = from.index();
        if (f < nicBandwidth.length && nicBandwidth[f] > 0) {
            long transmission = (long) Math.ceil(message.sizeBytes() * 1e9 / nicBandwidth[f]);
            start = Math.max(now, nicBusyUntil[f]) + transmission;
            nicBusyUntil[f] = start;
            nicBusyNanos[f] += transmission;
        }
        if (link.bandwidth > 0) {
            start = Math.max(start, link.busyUntil);
            long serialisation = (long) Math.ceil(message.sizeBytes() * 1e9 / link.bandwidth);
            start += serialisation;
            link.busyUntil = start;
        }
        long arrival = start + link.latency.sampleNanos() + extraDelay;
        if (delivery == Delivery.FIFO) {
            arrival = Math.max(arrival, link.lastFifoArrival);
            link.lastFifoArrival = arrival;
        }
        world.simulation().scheduleAt(arrival, new Arrival(dst, from, message, type));
    }

    private void drop(long now, NodeId from, NodeId to, String type, String reason) {
        stats.dropped++;
        world.trace().record(now, TraceKind.DROP, from.name(), to.name(), type, reason);
    }

    private Link link(NodeId from, NodeId to) {
        int f = from.index();
        int t = to.index();
        if (f >= links.length) {
            links = Arrays.copyOf(links, Math.max(f + 1, world.nodes().size()));
        }
        Link[] row = links[f];
        if (row == null || t >= row.length) {
            // Rows grow to the highest peer a node has talked to: a client of ten thousand talks
            // to a handful of servers, and a row as long as the world would be mostly empty.
            int size = Math.max(t + 1, row == null ? 4 : row.length * 2);
            row = row == null ? new Link[size] : Arrays.copyOf(row, size);
            links[f] = row;
        }
        Link l = row[t];
        if (l == null) {
            l = new Link(world.streams().stream("net").stream(from.name()).stream(to.name()).rng());
            row[t] = l;
        }
        if (l.version != configVersion || l.latency == null) {
            Node a = world.node(from);
            Node b = world.node(to);
            LinkProfile p = config.profileFor(a.name(), a.placement(), b.name(), b.placement());
            l.latency = p.latencyNanos().sampler(l.rng);
            l.bandwidth = p.bandwidthBytesPerSecond();
            l.linkClass = a.placement().linkClassTo(b.placement());
            l.version = configVersion;
        }
        return l;
    }

    private static final class Link {
        final UniformRandomProvider rng;
        Sampler latency;
        double bandwidth;
        LinkClass linkClass;
        int version = -1;
        long busyUntil;
        long lastFifoArrival;

        Link(UniformRandomProvider rng) {
            this.rng = rng;
        }
    }

    /** A message reaching its destination's current incarnation (or dropped if that is gone). */
    private final class Arrival extends NodeEvent {
        private final NodeId from;
        private final Message message;
        private final String type;

        Arrival(Node dst, NodeId from, Message message, String type) {
            super(dst);
            this.from = from;
            this.message = message;
            this.type = type;
        }

        @Override
        protected void deliver() {
            long now = world.now();
            if (partitions.blocked(from, node.id())) {
                drop(now, from, node.id(), type, "partition");
                return;
            }
            stats.delivered++;
            world.trace().record(now, TraceKind.DELIVER, from.name(), node.name(), type);
            node.receive(from, message);
        }

        @Override
        protected void dropped() {
            drop(world.now(), from, node.id(), type, "down");
        }
    }
}
