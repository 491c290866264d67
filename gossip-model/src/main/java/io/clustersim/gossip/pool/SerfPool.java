package io.clustersim.gossip.pool;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.detections.DetectionRecorder;
import io.clustersim.gossip.memberlist.Memberlist;
import io.clustersim.gossip.memberlist.NodeInfo;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.process.SerfProcess;
import io.clustersim.gossip.process.Startup;
import io.clustersim.gossip.serf.Serf;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Partitions;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A pool of Serf members on a given kernel {@link World}, with faults by member name, a
 * {@link GossipMetrics} recorder and a {@link DetectionRecorder}.
 *
 * <pre>{@code
 * SerfPool pool = new SerfPool(world, settings);
 * for (...) pool.add(name, placement);
 * pool.start();                                  // pre-joined, or the seeds first
 * world.simulation().runUntil(...);
 * pool.crash("m3");
 * pool.metrics().failureDetectionFirstSeconds(); // [5.8]
 * }</pre>
 *
 * Faults act from outside through the kernel (crash, pause, partition, slow message
 * processing); the metrics learn of each so they can tell true from false failures.
 * A crashed member that restarts joins again through the seeds with fresh state, as a Nomad
 * agent does through {@code retry_join}.
 */
public final class SerfPool {
    private final PoolSettings spec;
    private final World world;
    private final GossipMetrics metrics;
    private final DetectionRecorder detections;
    private final GossipObserver observer;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Startup> nextStartup = new TreeMap<>();
    private final Set<String> departed = new TreeSet<>();
    private final Set<String> paused = new TreeSet<>();
    private final Map<Integer, Set<String>> cutMembers = new TreeMap<>();
    private boolean started;

    /**
     * A pool on {@code world}; add its members with {@link #add}, then {@link #start()} it.
     * {@code expectedSize} sizes the healthy-again grace of the false-failure metric.
     */
    public SerfPool(World world, PoolSettings spec, int expectedSize) {
        this.spec = spec;
        this.world = world;
        this.metrics = new GossipMetrics(world::now, spec.healthyAfterNanos(expectedSize));
        this.detections = new DetectionRecorder(world.trace());
        List<GossipObserver> all = new ArrayList<>();
        all.add(metrics);
        all.add(detections);
        all.addAll(spec.observers());
        this.observer = GossipObserver.all(all);
    }

    /** Adds a member before the pool starts. */
    public Node add(String name, Placement placement) {
        if (started) {
            throw new IllegalStateException("the pool has started; use addMember");
        }
        return addNode(name, placement);
    }

    private Node addNode(String name, Placement placement) {
        Map<String, String> tags = Tags.copyOf(spec.tags().apply(name, placement));
        names.add(name);
        return world.addNode(name, placement, DiskConfig.instant(), () -> new SerfProcess(name, tags, spec.config(),
                nextStartup.getOrDefault(name, joinThroughSeeds(name)), observer));
    }

    /** Starts the pool as the start mode says (SEED_JOIN: seeds now, the others staggered). */
    public void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        if (spec.startMode() == StartMode.PRE_JOINED) {
            List<Startup.Peer> peers = new ArrayList<>();
            for (String n : names) {
                Node node = world.node(n);
                peers.add(new Startup.Peer(n, node.id(), Tags.copyOf(spec.tags().apply(n, node.placement()))));
            }
            for (String n : names) {
                startNode(n, new Startup.PreJoined(peers), false);
            }
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (i < spec.seedCount()) {
                startNode(n, i == 0 ? new Startup.Alone() : joinThroughSeeds(n), i > 0);
            } else if (spec.joinStagger().isZero()) {
                startNode(n, joinThroughSeeds(n), true);
            } else {
                long at = spec.joinStagger().toNanos() * i;
                world.simulation().schedule(at, () -> startNode(n, joinThroughSeeds(n), true));
            }
        }
    }

    private void startNode(String name, Startup startup, boolean measureJoin) {
        Node node = world.node(name);
        if (node.state() != NodeState.DOWN) {
            return;
        }
        nextStartup.put(name, startup);
        departed.remove(name);
        if (measureJoin) {
            metrics.joinStarted(name, observers(name, true, MemberState.ALIVE));
        }
        metrics.memberUp(name);
        node.start();
    }

    private Startup joinThroughSeeds(String name) {
        List<NodeId> seeds = new ArrayList<>();
        for (int i = 0; i < spec.seedCount() && i < names.size(); i++) {
            if (!names.get(i).equals(name)) {
                seeds.add(world.node(names.get(i)).id());
            }
        }
        if (seeds.isEmpty()) {
            // The only seed is rejoining: any other member will do.
            for (String other : names) {
                if (!other.equals(name)) {
                    seeds.add(world.node(other).id());
                    break;
                }
            }
        }
        return new Startup.JoinSeeds(seeds, spec.retryJoinInterval().toNanos(), spec.agentStartup());
    }

    // ----- faults -----

    /** Kills a member's process; its failure detection is measured from now. */
    public void crash(String name) {
        Node node = node(name);
        if (node.state() == NodeState.DOWN) {
            return;
        }
        node.crash();
        if (departed.contains(name)) {
            return; // it had left already: nothing to detect
        }
        paused.remove(name);
        refreshDegraded(name);
        metrics.memberCrashed(name, observers(name, false, MemberState.ALIVE, MemberState.SUSPECT));
    }

    /** Starts a crashed (or departed) member again; it rejoins through the seeds with fresh state. */
    public void restart(String name) {
        if (departed.contains(name)) {
            node(name).crash(); // its agent shut down after leaving; the process still ran
        }
        startNode(name, joinThroughSeeds(name), true);
    }

    /** Freezes a member's process (a long GC pause): timers and messages wait. */
    public void pause(String name) {
        node(name).pause();
        paused.add(name);
        refreshDegraded(name);
    }

    public void resume(String name) {
        node(name).resume();
        paused.remove(name);
        refreshDegraded(name);
    }

    /**
     * A fault acted on the member's machine from outside the pool (slow processing set through the
     * kernel): the metrics re-read whether it is degraded, so its false failures are not counted
     * against a healthy member.
     */
    public void machineChanged(String name) {
        refreshDegraded(name);
    }

    /**
     * Makes the member's machine hand it every message {@code delay} after it arrives (zero:
     * normal), through the kernel, as the fault vocabulary's slow processing does.
     */
    public void setProcessingDelay(String name, Duration delay) {
        node(name).setProcessingDelay(delay.toNanos());
        refreshDegraded(name);
    }

    /**
     * Cuts {@code sideA} from {@code sideB} both ways. The smaller side (side B on a tie) counts as
     * degraded for the false-failure metric while the cut lasts.
     */
    public Partitions.Cut partition(Collection<String> sideA, Collection<String> sideB) {
        Partitions.Cut cut = world.network().partitions().split(ids(sideA), ids(sideB));
        cutMembers.put(cut.id(), new TreeSet<>(sideA.size() < sideB.size() ? sideA : sideB));
        for (String n : names) {
            refreshDegraded(n);
        }
        return cut;
    }

    /** Cuts {@code name} off from every other member. */
    public Partitions.Cut isolate(String name) {
        List<String> others = new ArrayList<>(names);
        others.remove(name);
        return partition(others, List.of(name));
    }

    public void heal(Partitions.Cut cut) {
        world.network().partitions().heal(cut);
        cutMembers.remove(cut.id());
        for (String n : names) {
            refreshDegraded(n);
        }
    }

    public void healAll() {
        world.network().partitions().healAll();
        cutMembers.clear();
        for (String n : names) {
            refreshDegraded(n);
        }
    }

    /** Graceful leave: the member announces it, then shuts its agent down. */
    public void leave(String name) {
        Serf serf = serf(name);
        if (serf == null) {
            return;
        }
        departed.add(name);
        metrics.memberDeparted(name);
        serf.leave(serf::shutdown);
    }

    /** Adds a new member now, joining through the seeds; its convergence is measured. */
    public void addMember(String name, Placement placement) {
        if (world.node(name) != null) {
            throw new IllegalArgumentException("member " + name + " exists");
        }
        addNode(name, placement);
        startNode(name, joinThroughSeeds(name), true);
    }

    // ----- views -----

    public GossipMetrics metrics() {
        return metrics;
    }

    /** Every failure detection so far: suspicions, confirmations, declarations and refutations. */
    public DetectionRecorder detections() {
        return detections;
    }

    public GossipConfig config() {
        return spec.config();
    }

    /** Every member ever added, in order. */
    public List<String> memberNames() {
        return List.copyOf(names);
    }

    /** Members whose process is running (up or paused) and that have not left. */
    public List<String> liveMembers() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (world.node(n).state() != NodeState.DOWN && !departed.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The member's Serf agent, or null while its process is down. */
    public Serf serf(String name) {
        SerfProcess p = (SerfProcess) node(name).process();
        return p == null ? null : p.serf();
    }

    /** How {@code observer}'s memberlist sees {@code member}; empty if down or unknown. */
    public Optional<MemberState> view(String observerName, String member) {
        Serf s = serf(observerName);
        if (s == null) {
            return Optional.empty();
        }
        return s.memberlist().member(member).map(NodeInfo::state);
    }

    /** True when every live member sees every other live member alive. */
    public boolean converged() {
        List<String> live = liveMembers();
        for (String o : live) {
            Serf s = serf(o);
            if (s == null) {
                return false; // its agent is still starting
            }
            Memberlist m = s.memberlist();
            for (String x : live) {
                if (!x.equals(o) && m.member(x).map(NodeInfo::state).orElse(null) != MemberState.ALIVE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when every live member other than {@code member} sees it in {@code state} (or, for DEAD, has forgotten it). */
    public boolean allLiveSee(String member, MemberState state) {
        for (String o : liveMembers()) {
            if (o.equals(member)) {
                continue;
            }
            Optional<MemberState> v = view(o, member);
            boolean ok = v.map(s -> s == state).orElse(state.deadOrLeft());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Live members other than {@code member} whose view of it is (or, with {@code negate}, is not) one of {@code states}. */
    private List<String> observers(String member, boolean negate, MemberState... states) {
        List<String> out = new ArrayList<>();
        for (String o : liveMembers()) {
            MemberState v = view(o, member).orElse(null);
            boolean matches = false;
            for (MemberState s : states) {
                matches |= v == s;
            }
            if (!o.equals(member) && matches != negate) {
                out.add(o);
            }
        }
        return out;
    }

    private void refreshDegraded(String name) {
        boolean partitioned = false;
        for (Set<String> side : cutMembers.values()) {
            partitioned |= side.contains(name);
        }
        metrics.setDegraded(name, paused.contains(name) || partitioned || node(name).processingDelayNanos() > 0);
    }

    private Node node(String name) {
        Node n = world.node(name);
        if (n == null) {
            throw new IllegalArgumentException("no member named " + name + "; members are " + names);
        }
        return n;
    }

    private List<NodeId> ids(Collection<String> members) {
        List<NodeId> out = new ArrayList<>();
        for (String m : members) {
            out.add(node(m).id());
        }
        return out;
    }
}
