package io.clustersim.model.deployment;

import io.clustersim.faults.RoleDirectory;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.raft.check.InvariantChecker;
import io.clustersim.raft.client.ClientConfig;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.elections.ElectionRecorder;
import io.clustersim.raft.kernel.RaftHost;
import io.clustersim.raft.kernel.RaftProcess;
import io.clustersim.raft.kernel.WorkloadProcess;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.metrics.RaftMetrics;
import io.clustersim.raft.metrics.RoleTimeline;
import io.clustersim.raft.observe.CompositeObserver;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.statemachine.KeyValueStateMachine;
import io.clustersim.raft.storage.DurableImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A protocol study: a bare Raft cluster, no Nomad around it. Every server is bootstrapped with
 * the same configuration of all servers (hashicorp/raft's BootstrapCluster, as an operator does
 * with a fixed peer list), runs a key-value state machine, and keeps its disk across restarts, so
 * a crash loses only unsynced writes. Clients write at a Poisson rate. An invariant checker
 * (which stops the run at the first violation), the metrics and the election records watch the
 * servers; their figures are published with the label {@code cluster=raft}.
 *
 * @param servers the voters and their places
 * @param clients the writing clients and their places
 * @param writesPerSecond each client's mean write rate
 * @param commandBytes the size of each write
 */
public record RaftClusterDeployment(List<AgentPlacement> servers, RaftConfig raft, DiskConfig disk,
        List<AgentPlacement> clients, double writesPerSecond, int commandBytes) implements Deployment {
    /** The label every published metric carries. */
    public static final Labels LABELS = Labels.of("cluster", "raft");
    private static final int KEYS = 100;

    public RaftClusterDeployment {
        servers = List.copyOf(servers);
        clients = List.copyOf(clients);
        Objects.requireNonNull(raft, "raft");
        Objects.requireNonNull(disk, "disk");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a Raft cluster needs at least one server");
        }
        if (writesPerSecond < 0 || commandBytes < 1) {
            throw new IllegalArgumentException("writesPerSecond must be >= 0 and commandBytes >= 1");
        }
    }

    @Override
    public Running deploy(World world) {
        InvariantChecker checker = new InvariantChecker(world::now, true);
        RaftMetrics metrics = new RaftMetrics(world::now, checker);
        ElectionRecorder elections = new ElectionRecorder(world::now, world.trace());
        world.trace().addSink(metrics);
        world.trace().addSink(elections);
        RoleTimeline roles = new RoleTimeline(world.telemetry(), Labels.NONE, servers.stream().map(AgentPlacement::name).toList());
        world.trace().addSink(roles);
        CompositeObserver observer = new CompositeObserver().add(checker).add(metrics).add(elections).add(roles);
        Map<String, DurableImage> disks = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (AgentPlacement s : servers) {
            nodes.add(world.addNode(s.name(), s.placement(), disk, () -> new RaftProcess(raft, disks.get(s.name()),
                    KeyValueStateMachine::new, observer)));
        }
        List<NodeId> ids = nodes.stream().map(Node::id).toList();
        Configuration initial = Configuration.of(ids, List.of());
        for (AgentPlacement s : servers) {
            disks.put(s.name(), DurableImage.bootstrapped(initial));
        }
        for (AgentPlacement c : clients) {
            world.addNode(c.name(), c.placement(), DiskConfig.instant(), () -> new WorkloadProcess(ids,
                    ClientConfig.defaults(), writesPerSecond, KEYS, commandBytes, Long.MAX_VALUE, metrics)).start();
        }
        nodes.forEach(Node::start);
        return new Running() {
            @Override
            public RoleDirectory roles() {
                return new RoleDirectory() {
                    @Override
                    public List<Node> leaders(String region) {
                        Node best = null;
                        long bestTerm = -1;
                        for (Node n : nodes) {
                            RaftServer r = raftOf(n);
                            if (r != null && r.view().role() == Role.LEADER && r.view().currentTerm() > bestTerm) {
                                best = n;
                                bestTerm = r.view().currentTerm();
                            }
                        }
                        return best == null ? List.of() : List.of(best);
                    }

                    @Override
                    public List<Node> followers(String region) {
                        List<Node> leaders = leaders(region);
                        return nodes.stream().filter(n -> raftOf(n) != null && !leaders.contains(n)).toList();
                    }

                    @Override
                    public List<Node> servers(String region) {
                        return nodes.stream().filter(n -> region == null || region.equals(n.placement().region())).toList();
                    }

                    @Override
                    public long committed() {
                        return Math.max(0, checker.highestCommitted());
                    }
                };
            }

            @Override
            public void publish() {
                metrics.publish(world.telemetry(), LABELS, elections);
            }
        };
    }

    private static RaftServer raftOf(Node n) {
        return n.process() instanceof RaftHost h && n.isUp() ? h.raftServer() : null;
    }
}
