package io.clustersim.raft.faulttolerance;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.FaultListener;
import io.clustersim.faults.Operator;
import io.clustersim.faults.ProtocolEvents;
import io.clustersim.faults.RoleDirectory;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.TargetResolver;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Network;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.harness.RaftClusterHarness;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One property run: a cluster, a workload and a fault schedule on a fresh world. Phase one applies
 * the faults (through the fault vocabulary's injector) while a client writes; a {@link io.clustersim.raft.check.SafetyViolation} from the
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
    private final List<String> servers;
    private final FailureInjector injector;

    FaultRun(long seed, ClusterParams p, List<ScheduledFault> faults) {
        RaftConfig config = config(p);
        delivery = p.delivery();
        FaultGens.Scale scale = scale(p);
        unitNanos = scale.unitNanos();
        servers = scale.servers();
        long latencyMax = Math.round(p.maxLatencyMillis() * 1e6);
        world = new World(seed, NetworkConfig.uniform(new Distribution.Uniform(100_000, latencyMax)));
        Placement az = new Placement("global", "dc1", "az1");
        healAt = scale.faultPhaseEnd();
        RaftClusterHarness[] built = new RaftClusterHarness[1];
        RoleDirectory roles = roles(built);
        injector = new FailureInjector(world, TargetResolver.of(world, roles), FaultListener.NONE).roles(roles)
                .operator(new Operator() {
                    @Override
                    public void forceLeave(String node) {
                        throw new UnsupportedOperationException("a bare Raft cluster has no Serf to leave");
                    }

                    @Override
                    public void transferLeadership() {
                        built[0].leader().ifPresent(l -> built[0].server(l).transferLeadership(null));
                    }
                });
        RaftClusterHarness.Builder b = RaftClusterHarness.builder(world).config(config)
                .disk(new DiskConfig(fsync(p), 0))
                .delivery(p.delivery()).workload(20, 64).stopWritesAt(Duration.ofNanos(healAt));
        for (String s : servers) {
            if (s.startsWith("s")) {
                b.server(s, az);
            } else {
                b.nonVoter(s, az);
            }
        }
        b.client("c1", az, p.writesPerSecond());
        // The nemeses react to votes and elections: the observer reports them to the injector.
        b.observer(new RaftObserver() {
            @Override
            public void voteGranted(NodeId node, long term, NodeId candidate) {
                injector.happened(ProtocolEvents.Kind.VOTE_GRANTED, node);
            }

            @Override
            public void leaderElected(NodeId node, long term, RaftView view) {
                injector.happened(ProtocolEvents.Kind.LEADER_ELECTED, node);
            }
        });
        cluster = b.build();
        built[0] = cluster;
        injector.install(faults);
    }

    /** The servers' names (voters s1.., then non-voters n1..) and the profile's time unit. */
    static FaultGens.Scale scale(ClusterParams p) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= p.voters(); i++) {
            names.add("s" + i);
        }
        for (int i = 1; i <= p.nonVoters(); i++) {
            names.add("n" + i);
        }
        return new FaultGens.Scale(List.copyOf(names), config(p).timing().minElectionDelayNanos());
    }

    private RoleDirectory roles(RaftClusterHarness[] built) {
        return new RoleDirectory() {
            @Override
            public List<Node> leaders(String region) {
                return built[0].leader().map(l -> List.of(world.node(l))).orElse(List.of());
            }

            @Override
            public List<Node> followers(String region) {
                Optional<String> l = built[0].leader();
                return servers.stream().filter(s -> !l.equals(Optional.of(s))).map(world::node).filter(Node::isUp).toList();
            }

            @Override
            public List<Node> servers(String region) {
                return servers.stream().map(world::node).toList();
            }
        };
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

    long now() {
        return world.now();
    }

    /** Phase one: faults and writes until the heal time. Throws SafetyViolation on a breach. */
    void runFaultPhase() {
        world.simulation().runUntil(healAt);
    }

    /** Ends the fault phase: no fault fires any more, and whatever is still broken is mended. */
    void heal() {
        injector.disarm();
        world.network().partitions().healAll();
        world.network().linkFaults().restoreAll();
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
