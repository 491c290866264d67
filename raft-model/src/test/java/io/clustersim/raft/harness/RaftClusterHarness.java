package io.clustersim.raft.harness;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.check.InvariantChecker;
import io.clustersim.raft.client.ClientConfig;
import io.clustersim.raft.client.ClientListener;
import io.clustersim.raft.client.RaftClient;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.elections.ElectionRecorder;
import io.clustersim.raft.kernel.RaftHost;
import io.clustersim.raft.kernel.RaftProcess;
import io.clustersim.raft.kernel.WorkloadProcess;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.metrics.RaftMetrics;
import io.clustersim.raft.observe.CompositeObserver;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.statemachine.KeyValueStateMachine;
import io.clustersim.raft.storage.DurableImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.Optional;

/**
 * A plain Raft cluster on a kernel {@link World}.
 *
 * <pre>{@code
 * World world = new World(seed, networkConfig);
 * RaftClusterHarness cluster = RaftClusterHarness.builder(world)
 *         .config(RaftConfig.hashicorp())
 *         .disk(diskConfig)
 *         .server("s1", az1).server("s2", az2).server("s3", az3)
 *         .client("c1", az1, 50)            // 50 writes per second
 *         .build();                          // adds the nodes and starts them
 * world.simulation().runUntil(Durations.ofSeconds(60));
 * cluster.crashLeader();
 * ...
 * RaftMetrics m = cluster.metrics();         // cluster.checker() throws SafetyViolation as it goes
 * }</pre>
 *
 * <p>Every initial server (voters and non-voters) is bootstrapped with the same configuration, as
 * hashicorp's BootstrapCluster does. Servers added later start empty and learn the log from the
 * leader ({@link #addServer}). Each server's disk contents (a {@link DurableImage}) live here, so a
 * crash loses only unsynced writes and a restart recovers the rest. Faults may also be injected
 * directly on the world's nodes and network; the checker and metrics see their effects.
 */
public final class RaftClusterHarness {
    private final World world;
    private final RaftConfig config;
    private final DiskConfig disk;
    private final long stateBaseBytes;
    private final Delivery delivery;
    private final Function<RaftProcess, ? extends Process> serverProcess;
    private final InvariantChecker checker;
    private final RaftMetrics metrics;
    private final ElectionRecorder elections;
    private final RaftObserver observer;
    private final Map<String, DurableImage> images = new LinkedHashMap<>();
    private final List<String> servers = new ArrayList<>();
    private final List<String> clients = new ArrayList<>();

    private RaftClusterHarness(Builder b) {
        this.world = b.world;
        this.config = b.config;
        this.disk = b.disk;
        this.stateBaseBytes = b.stateBaseBytes;
        this.delivery = b.delivery;
        this.serverProcess = b.serverProcess;
        this.checker = new InvariantChecker(world::now, b.failFast);
        this.metrics = new RaftMetrics(world::now, checker);
        this.elections = new ElectionRecorder(world::now, world.trace());
        CompositeObserver all = new CompositeObserver().add(checker).add(metrics).add(elections);
        for (RaftObserver o : b.observers) {
            all.add(o);
        }
        this.observer = all;
        world.trace().addSink(metrics);
        world.trace().addSink(elections);
    }

    public static Builder builder(World world) {
        return new Builder(world);
    }

    private void build(Builder b) {
        List<Node> added = new ArrayList<>();
        for (ServerSpec s : b.servers) {
            added.add(addServerNode(s.name, s.placement));
        }
        List<NodeId> voters = new ArrayList<>();
        List<NodeId> nonVoters = new ArrayList<>();
        for (int i = 0; i < b.servers.size(); i++) {
            (b.servers.get(i).voter ? voters : nonVoters).add(added.get(i).id());
        }
        Configuration initial = Configuration.of(voters, nonVoters);
        for (Node n : added) {
            images.put(n.name(), DurableImage.bootstrapped(initial));
        }
        List<NodeId> serverIds = List.copyOf(voters);
        for (ClientSpec c : b.clients) {
            ClientListener listener = c.listener == null ? metrics : o -> {
                metrics.completed(o);
                c.listener.completed(o);
            };
            List<NodeId> targets = new ArrayList<>(serverIds);
            targets.addAll(nonVoters);
            world.addNode(c.name, c.placement, DiskConfig.instant(), () -> new WorkloadProcess(targets, b.clientConfig,
                    c.writesPerSecond, b.keys, b.commandBytes, b.stopWritesAtNanos, listener));
            clients.add(c.name);
        }
        for (Node n : added) {
            n.start();
        }
        for (String c : clients) {
            world.node(c).start();
        }
    }

    private Node addServerNode(String name, Placement placement) {
        images.putIfAbsent(name, new DurableImage());
        servers.add(name);
        return world.addNode(name, placement, disk, () -> serverProcess.apply(new RaftProcess(config, images.get(name),
                () -> new KeyValueStateMachine(stateBaseBytes), observer, delivery)));
    }

    // ---- lookup ----------------------------------------------------------------------------------

    public World world() {
        return world;
    }

    public RaftConfig config() {
        return config;
    }

    public List<String> serverNames() {
        return List.copyOf(servers);
    }

    public List<String> clientNames() {
        return List.copyOf(clients);
    }

    /** The running server called {@code name}, or null while it is down. */
    public RaftServer server(String name) {
        Node n = node(name);
        return n.process() instanceof RaftHost h ? h.raftServer() : null;
    }

    /** The server's read-only view, or null while it is down. */
    public RaftView view(String name) {
        RaftServer s = server(name);
        return s == null ? null : s.view();
    }

    /** The live server in the leader role with the highest term, if any. */
    public Optional<String> leader() {
        String best = null;
        long bestTerm = -1;
        for (String name : servers) {
            RaftServer s = server(name);
            if (s != null && s.view().role() == Role.LEADER && s.view().currentTerm() > bestTerm) {
                best = name;
                bestTerm = s.view().currentTerm();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The client called {@code name} (null while its node is down). */
    public RaftClient client(String name) {
        return node(name).process() instanceof WorkloadProcess p ? p.client() : null;
    }

    /** The server's disk contents. */
    public DurableImage durableImage(String name) {
        return images.get(name);
    }

    // ---- faults and membership --------------------------------------------------------------------

    /** Crashes the node: its process, timers and unsynced writes are gone. */
    public void crash(String name) {
        node(name).crash();
    }

    /** Starts a crashed node again; it recovers from its disk. */
    public void restart(String name) {
        node(name).start();
    }

    /** Crashes the current leader, if there is one; returns its name. */
    public Optional<String> crashLeader() {
        Optional<String> l = leader();
        l.ifPresent(this::crash);
        return l;
    }

    /**
     * Adds a new, empty server node and asks the leader to add it as a voter (or non-voter); it
     * catches up from the leader, by snapshot if the log was compacted. Returns the leader's answer
     * ({@link ChangeResult#NOT_LEADER} if there is no leader now; the node is added regardless).
     */
    public ChangeResult addServer(String name, Placement placement, boolean voter) {
        Node n = addServerNode(name, placement);
        n.start();
        Optional<String> l = leader();
        if (l.isEmpty()) {
            return ChangeResult.NOT_LEADER;
        }
        RaftServer leader = server(l.get());
        return voter ? leader.addVoter(n.id()) : leader.addNonVoter(n.id());
    }

    /** Asks the leader to remove {@code name} from the configuration. */
    public ChangeResult removeServer(String name) {
        Optional<String> l = leader();
        return l.isEmpty() ? ChangeResult.NOT_LEADER : server(l.get()).removeServer(node(name).id());
    }

    // ---- running -----------------------------------------------------------------------------------

    /** Runs the simulation for {@code d} more. */
    public void runFor(Duration d) {
        world.simulation().runUntil(world.now() + d.toNanos());
    }

    /** Runs until a leader exists or {@code limit} passes; returns whether one exists. */
    public boolean awaitLeader(Duration limit) {
        long end = world.now() + limit.toNanos();
        return world.simulation().runUntil(() -> leader().isPresent(), end);
    }

    public InvariantChecker checker() {
        return checker;
    }

    public RaftMetrics metrics() {
        return metrics;
    }

    /** Every election so far, with its timer firings, rounds, votes and who heard the winner when. */
    public ElectionRecorder elections() {
        return elections;
    }

    private Node node(String name) {
        Node n = world.node(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    private record ServerSpec(String name, Placement placement, boolean voter) {}

    private record ClientSpec(String name, Placement placement, double writesPerSecond, ClientListener listener) {}

    /** Collects the cluster's parts; {@link #build()} adds and starts the nodes. */
    public static final class Builder {
        private final World world;
        private RaftConfig config = RaftConfig.hashicorp();
        private DiskConfig disk = DiskConfig.instant();
        private final List<ServerSpec> servers = new ArrayList<>();
        private final List<ClientSpec> clients = new ArrayList<>();
        private final List<RaftObserver> observers = new ArrayList<>();
        private ClientConfig clientConfig = ClientConfig.defaults();
        private int keys = 100;
        private int commandBytes = 256;
        private long stopWritesAtNanos = Long.MAX_VALUE;
        private long stateBaseBytes;
        private boolean failFast = true;
        private Delivery delivery = Delivery.FIFO;
        private Function<RaftProcess, ? extends Process> serverProcess = p -> p;

        private Builder(World world) {
            this.world = Objects.requireNonNull(world, "world");
        }

        /**
         * Wraps each server's Raft process, e.g. in a Nomad server agent that also runs Serf and
         * answers other RPCs; the wrapper must implement {@link RaftHost} and pass Raft's messages on.
         */
        public Builder serverProcess(Function<RaftProcess, ? extends Process> wrap) {
            this.serverProcess = Objects.requireNonNull(wrap, "wrap");
            return this;
        }

        public Builder config(RaftConfig c) {
            this.config = c;
            return this;
        }

        public Builder disk(DiskConfig d) {
            this.disk = d;
            return this;
        }

        /** An initial voter. */
        public Builder server(String name, Placement placement) {
            servers.add(new ServerSpec(name, placement, true));
            return this;
        }

        /** An initial non-voter (replicated to, never votes). */
        public Builder nonVoter(String name, Placement placement) {
            servers.add(new ServerSpec(name, placement, false));
            return this;
        }

        /** A client node writing at {@code writesPerSecond} on average (Poisson); 0 for an idle client. */
        public Builder client(String name, Placement placement, double writesPerSecond) {
            clients.add(new ClientSpec(name, placement, writesPerSecond, null));
            return this;
        }

        /** As {@link #client(String, Placement, double)}, also telling {@code listener} every outcome. */
        public Builder client(String name, Placement placement, double writesPerSecond, ClientListener listener) {
            clients.add(new ClientSpec(name, placement, writesPerSecond, listener));
            return this;
        }

        public Builder clientConfig(ClientConfig c) {
            this.clientConfig = c;
            return this;
        }

        /** Workload shape: key space and command size. */
        public Builder workload(int keys, int commandBytes) {
            this.keys = keys;
            this.commandBytes = commandBytes;
            return this;
        }

        /** Clients send no new writes after this time. */
        public Builder stopWritesAt(Duration at) {
            this.stopWritesAtNanos = at.toNanos();
            return this;
        }

        /** Bytes of state every server's state machine holds beyond the written keys (snapshot size). */
        public Builder stateBaseBytes(long bytes) {
            this.stateBaseBytes = bytes;
            return this;
        }

        public Builder observer(RaftObserver o) {
            observers.add(o);
            return this;
        }

        /** Whether the checker throws at the first violation (default) or only counts. */
        public Builder failFast(boolean on) {
            this.failFast = on;
            return this;
        }

        /** How Raft messages travel; FIFO (the default) is what a TCP transport gives. */
        public Builder delivery(Delivery d) {
            this.delivery = d;
            return this;
        }

        public RaftClusterHarness build() {
            if (servers.isEmpty()) {
                throw new IllegalStateException("a cluster needs at least one server");
            }
            RaftClusterHarness h = new RaftClusterHarness(this);
            h.build(this);
            return h;
        }
    }
}
