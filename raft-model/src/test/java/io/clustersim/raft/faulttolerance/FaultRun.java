package io.clustersim.raft.faulttolerance;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Network;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Partitions;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.harness.RaftClusterHarness;
import io.clustersim.raft.observe.RaftView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One property run: a cluster, a workload and a fault schedule on a fresh world. Phase one applies
 * the faults while a client writes; a {@link io.clustersim.raft.check.SafetyViolation} from the
 * checker ends the run at once. Phase two heals everything (restarts, resumes, heals partitions,
 * restores the network) and requires liveness: a leader within a bound derived from the timing
 * profile, then every live server applying everything committed.
 */
final class FaultRun {
    /** Election attempts a healed cluster may need (randomised timeouts make split votes rare). */
    static final int ELECTION_ROUNDS_ALLOWED = 10;

    final RaftClusterHarness cluster;
    final World world;
    final long unitNanos;
    final long healAt;
    private final Delivery delivery;
    private final List<String> servers = new ArrayList<>();
    private final Nemesis nemesis = new Nemesis(this);

    FaultRun(long seed, ClusterParams p, List<Fault> faults) {
        RaftConfig config = config(p);
        delivery = p.delivery();
        unitNanos = config.timing().minElectionDelayNanos();
        long latencyMax = Math.round(p.maxLatencyMillis() * 1e6);
        world = new World(seed, NetworkConfig.uniform(new Distribution.Uniform(100_000, latencyMax)));
        Placement az = new Placement("global", "dc1", "az1");
        healAt = (FaultGens.HORIZON_UNITS + FaultGens.MAX_DURATION_UNITS) * unitNanos;
        RaftClusterHarness.Builder b = RaftClusterHarness.builder(world).config(config)
                .disk(new DiskConfig(fsync(p), 0))
                .delivery(p.delivery()).workload(20, 64).stopWritesAt(Duration.ofNanos(healAt));
        for (int i = 1; i <= p.voters(); i++) {
            b.server("s" + i, az);
            servers.add("s" + i);
        }
        for (int i = 1; i <= p.nonVoters(); i++) {
            b.nonVoter("n" + i, az);
            servers.add("n" + i);
        }
        b.client("c1", az, p.writesPerSecond());
        b.observer(nemesis);
        cluster = b.build();
        for (Fault f : faults) {
            schedule(f);
        }
    }

    /**
     * Uniform fsync latency, or a log-normal one with a 1ms median and a p99 of 2 to 20ms: disks
     * that stall now and then. A wider log-normal has an absurd tail (single fsyncs of a minute
     * with a 100ms p99), which stalls every later write and is not what disks do.
     */
    static Distribution fsync(ClusterParams p) {
        return p.heavyTailDisk() ? Distribution.LogNormal.ofMedianAndP99(1_000_000, Math.max(2, Math.min(p.fsyncMillis(), 20)) * 1e6)
                : new Distribution.Uniform(100_000, p.fsyncMillis() * 1e6);
    }

    static RaftConfig config(ClusterParams p) {
        RaftConfig base = switch (p.profile()) {
            case "hashicorp" -> RaftConfig.hashicorp();
            case "etcd" -> RaftConfig.etcd();
            case "paper" -> RaftConfig.paper();
            default -> throw new IllegalArgumentException(p.profile());
        };
        return base.withPreVote(p.preVote()).withSnapshotThreshold(p.snapshotThreshold())
                .withTrailingLogs(p.snapshotThreshold() / 4).withSnapshotInterval(Duration.ZERO)
                .withSnapshotRetry(Duration.ofNanos(base.timing().minElectionDelayNanos() * 5));
    }

    void at(long time, Runnable action) {
        world.simulation().scheduleAt(Math.min(time, healAt), action::run);
    }

    private Node node(int server) {
        return world.node(servers.get(server % servers.size()));
    }

    private List<NodeId> ids(List<Integer> side) {
        List<NodeId> out = new ArrayList<>();
        for (int s : side) {
            out.add(node(s).id());
        }
        return out;
    }

    private void schedule(Fault f) {
        long start = time(f.atMilliUnits());
        if (f instanceof Fault.Crash c) {
            crashFor(node(c.server()), start, time(c.downMilliUnits()));
        } else if (f instanceof Fault.Partition p) {
            Partitions parts = world.network().partitions();
            Partitions.Cut[] cut = new Partitions.Cut[1];
            at(start, () -> cut[0] = p.oneWay() ? parts.oneWay(ids(p.sideA()), ids(p.sideB()))
                    : parts.split(ids(p.sideA()), ids(p.sideB())));
            at(start + time(p.durationMilliUnits()), () -> parts.heal(cut[0]));
        } else if (f instanceof Fault.Pause p) {
            Node n = node(p.server());
            at(start, n::pause);
            at(start + time(p.durationMilliUnits()), n::resume);
        } else if (f instanceof Fault.Lossy l) {
            NetworkConfig base = world.network().config();
            at(start, () -> world.network().reconfigure(
                    base.withLoss(l.lossProbability()).withDuplication(l.duplicationProbability())));
            at(start + time(l.durationMilliUnits()), () -> world.network().reconfigure(base));
        } else if (f instanceof Fault.Transfer) {
            at(start, () -> cluster.leader().ifPresent(l -> cluster.server(l).transferLeadership(null)));
        } else if (f instanceof Fault.CrashVoters || f instanceof Fault.CrashLeaders
                || f instanceof Fault.IsolateLeaders) {
            nemesis.add(f, start);
        } else {
            throw new IllegalArgumentException("unknown fault " + f);
        }
    }

    /** Crashes {@code n} at {@code start} (if up) and restarts it {@code down} later (if down). */
    void crashFor(Node n, long start, long down) {
        at(start, () -> {
            if (n.state() != NodeState.DOWN) {
                n.crash();
            }
        });
        at(start + down, () -> {
            if (n.state() == NodeState.DOWN) {
                n.start();
            }
        });
    }

    /** Cuts {@code n} off from every other server for {@code duration}. */
    void isolate(Node n, long duration) {
        Partitions parts = world.network().partitions();
        List<NodeId> rest = new ArrayList<>();
        for (String s : servers) {
            if (!s.equals(n.name())) {
                rest.add(world.node(s).id());
            }
        }
        Partitions.Cut cut = parts.split(List.of(n.id()), rest);
        at(world.now() + duration, () -> parts.heal(cut));
    }

    long now() {
        return world.now();
    }

    long time(long milliUnits) {
        return milliUnits * unitNanos / 1000;
    }

    /** Phase one: faults and writes until the heal time. Throws SafetyViolation on a breach. */
    void runFaultPhase() {
        world.simulation().runUntil(healAt);
    }

    /** Heals everything that is still broken at the heal time. */
    void heal() {
        world.network().partitions().healAll();
        world.network().reconfigure(world.network().config().withLoss(0).withDuplication(0));
        for (Node n : world.nodes()) {
            if (n.state() == NodeState.PAUSED) {
                n.resume();
            } else if (n.state() == NodeState.DOWN) {
                n.start();
            }
        }
    }

    /**
     * The bound on electing a leader after healing, from the profile's timeouts, plus, on
     * stream links, the longest a message sent into the lossy network can still be in
     * retransmission (later messages on its link wait behind it).
     */
    long electionBoundNanos() {
        TimingProfile t = cluster.config().timing();
        long backlog = delivery == Delivery.FIFO ? Network.maxRetransmissionDelayNanos() : 0;
        return ELECTION_ROUNDS_ALLOWED * t.maxElectionRoundNanos() + backlog;
    }

    /** Phase two: a leader within the bound; returns how long it took, or empty if none came. */
    Optional<Long> awaitLeader() {
        long start = world.now();
        boolean ok = world.simulation().runUntil(() -> cluster.leader().isPresent(), start + electionBoundNanos());
        return ok ? Optional.of(world.now() - start) : Optional.empty();
    }

    /** Whether every server applied everything the leader committed, which covers all that was committed. */
    boolean converged() {
        Optional<String> l = cluster.leader();
        if (l.isEmpty()) {
            return false;
        }
        RaftView leader = cluster.view(l.get());
        if (leader.commitIndex() < cluster.checker().highestCommitted()
                || leader.termAt(leader.commitIndex()) != leader.currentTerm()) {
            return false;
        }
        for (String s : servers) {
            RaftServer server = cluster.server(s);
            if (server == null || !server.view().configuration().contains(server.id())) {
                continue;
            }
            RaftView v = server.view();
            if (v.lastApplied() < leader.commitIndex()) {
                return false;
            }
        }
        return true;
    }

    /** Runs until converged or {@code limitNanos} more pass; returns whether it converged. */
    boolean awaitConvergence(long limitNanos) {
        return world.simulation().runUntil(this::converged, world.now() + limitNanos);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        for (String s : servers) {
            RaftServer server = cluster.server(s);
            sb.append("\n  ").append(s).append(": ").append(server == null ? "down" : server.toString());
        }
        sb.append("\n  highest committed: ").append(cluster.checker().highestCommitted());
        return sb.toString();
    }
}
