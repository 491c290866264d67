package io.clustersim.model.deployment;

import io.clustersim.faults.Fault;
import io.clustersim.faults.FaultListener;
import io.clustersim.faults.Operator;
import io.clustersim.faults.RoleDirectory;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.gossip.detections.DetectionRecorder;
import io.clustersim.gossip.memberlist.NodeInfo;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.pool.GossipMetrics;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.time.Durations;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.model.client.ClientAgent;
import io.clustersim.model.client.ClientSettings;
import io.clustersim.model.host.HostAgent;
import io.clustersim.model.metrics.ClusterStateRecorder;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.probe.Probe;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.probe.ProbeRecorder;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.server.ServerAgent;
import io.clustersim.model.server.ServerIdentity;
import io.clustersim.model.server.ServerRecorder;
import io.clustersim.model.server.ServerTags;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.model.topology.Topology;
import io.clustersim.model.workload.JobSpec;
import io.clustersim.model.workload.JobSubmitter;
import io.clustersim.model.workload.Workload;
import io.clustersim.raft.check.InvariantChecker;
import io.clustersim.raft.elections.ElectionRecorder;
import io.clustersim.raft.metrics.RaftMetrics;
import io.clustersim.raft.metrics.RoleTimeline;
import io.clustersim.raft.observe.CompositeObserver;
import io.clustersim.raft.storage.DurableImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Nomad deployment: in every region its servers (each a {@link ServerAgent}: Raft, Serf, RPC,
 * autopilot), one probe per zone of every region with servers, and the client agents. Servers
 * start with empty disks and form their region's cluster through bootstrap_expect; every server
 * joins the one Serf pool of all regions through {@code server_join} (the other servers).
 *
 * <p>Each region's servers are watched by a Raft invariant checker (a violation stops the run),
 * a metrics recorder, an election recorder and a watcher of who leads; the servers' Serf pool by
 * a failure-detection recorder.
 */
public final class NomadDeployment implements Deployment {
    /**
     * What to deploy.
     *
     * @param clients how the client agents are made
     * @param workload the jobs the users of every region run
     */
    public record Spec(Topology topology, NomadServerConfig server, DiskConfig disk, ProbeConfig probes,
            ClientSettings clients, Workload workload) {
        public Spec {
            Objects.requireNonNull(topology, "topology");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(disk, "disk");
            Objects.requireNonNull(probes, "probes");
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(workload, "workload");
        }

        /** Servers and probes only: no clients, no jobs. */
        public Spec(Topology topology, NomadServerConfig server, DiskConfig disk, ProbeConfig probes) {
            this(topology, server, disk, probes, ClientSettings.defaults(), Workload.NONE);
        }
    }

    private final Spec spec;


    public NomadDeployment(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public Spec spec() {
        return spec;
    }

    @Override
    public Running deploy(World world) {
        return new Built(world);
    }

    /** One region's servers and observers. */
    private static final class RegionParts {
        final String name;
        final List<String> servers = new ArrayList<>();
        InvariantChecker checker;
        RaftMetrics metrics;
        ElectionRecorder elections;
        RegionWatcher watcher;
        RoleTimeline roles;
        ClusterStateRecorder state;

        RegionParts(String name) {
            this.name = name;
        }
    }

    private final class Built implements Running {
        private final World world;
        private final Map<String, RegionParts> regions = new LinkedHashMap<>();
        private final Map<String, DurableImage> disks = new LinkedHashMap<>();
        private final Map<String, ServerRecorder> recorders = new LinkedHashMap<>();
        private final java.util.Set<String> clientNodes = new java.util.TreeSet<>();
        private final OperatorConsole console = new OperatorConsole();
        /** The servers' Serf pool as the gossip metrics see it (one pool for every region). */
        private final GossipMetrics gossip;

        Built(World world) {
            this.world = world;
            int servers = (int) spec.topology().placements().stream().filter(p -> p.role() == Role.SERVER).count();
            this.gossip = new GossipMetrics(world::now, GossipMetrics.healthyAfterNanos(spec.server().gossip().memberlist(), servers));
            Topology topology = spec.topology();
            List<AgentPlacement> placements = topology.placements();
            Map<String, Integer> serverIndex = new LinkedHashMap<>();
            List<NodeId> allServers = new ArrayList<>();
            for (AgentPlacement p : placements) {
                if (p.role() == Role.SERVER) {
                    serverIndex.put(p.name(), serverIndex.size() + 1);
                    regions.computeIfAbsent(p.placement().region(), RegionParts::new).servers.add(p.name());
                }
            }
            DetectionRecorder detections = new DetectionRecorder(world.trace());
            GossipObserver serfObservers = GossipObserver.all(List.of(detections, gossip));
            for (RegionParts r : regions.values()) {
                r.checker = new InvariantChecker(world::now, true);
                r.metrics = new RaftMetrics(world::now, r.checker);
                r.elections = new ElectionRecorder(world::now, world.trace());
                r.watcher = new RegionWatcher(world.telemetry(), r.name, serverIndex);
                world.trace().addSink(r.metrics);
                world.trace().addSink(r.elections);
                world.trace().addSink(r.watcher);
                r.roles = new RoleTimeline(world.telemetry(), Labels.of("region", r.name), r.servers);
                world.trace().addSink(r.roles);
                r.state = new ClusterStateRecorder(world.telemetry(), r.name, topology.clientZones(r.name), world::now, this::reachesItsServers);
            }
            for (AgentPlacement p : placements) {
                if (p.role() != Role.SERVER) {
                    continue;
                }
                RegionParts r = regions.get(p.placement().region());
                int expect = spec.server().bootstrapExpect() == 0 ? r.servers.size() : spec.server().bootstrapExpect();
                NomadServerConfig config = spec.server().withBootstrapExpect(expect);
                CompositeObserver observer = new CompositeObserver().add(r.checker).add(r.metrics).add(r.elections)
                        .add(r.watcher).add(r.roles);
                DurableImage disk = disks.computeIfAbsent(p.name(), n -> new DurableImage());
                ServerRecorder recorder = new ServerRecorder(world.telemetry(), p.placement());
                recorders.put(p.name(), recorder);
                boolean alsoClient = topology.serversRunClients(p.placement().zone());
                // A server's disk is its instance class's, when the capacity is modelled and the class has one.
                DiskConfig serverDisk = config.capacity().modelled() && config.capacity().instance().disk() != null
                        ? config.capacity().instance().disk() : spec.disk();
                Node n = world.addNode(p.name(), p.placement(), serverDisk, () -> {
                    List<NodeId> seeds = new ArrayList<>(allServers);
                    seeds.removeIf(id -> id.name().equals(p.name()));
                    ServerAgent server = new ServerAgent(new ServerIdentity(world.node(p.name()).id(), p.placement()), config,
                            disk, seeds, observer, serfObservers, recorder, r.state.listener(p.name()));
                    return alsoClient ? new HostAgent(server, client(p)) : server;
                });
                allServers.add(n.id());
                if (config.capacity().modelled()) {
                    n.cpu().setCores(config.capacity().instance().cores());
                    world.network().setNicBandwidth(n.id(), config.capacity().instance().nicBytesPerSecond());
                }
                if (alsoClient) {
                    clientNodes.add(p.name());
                }
            }
            // Only lifecycle events matter here; most events are deliveries and timers.
            world.trace().addSink(EnumSet.of(TraceKind.CRASH, TraceKind.START, TraceKind.EXIT, TraceKind.STOP),
                    (time, kind, src, dst, type, detail) -> {
                        if (kind == TraceKind.CRASH && serverIndex.containsKey(src)) {
                            recorders.get(src).serverFailures().increment();
                        }
                        if (src != null && serverIndex.containsKey(src)) {
                            noteForGossip(kind, src);
                        }
                        if (src != null && clientNodes.contains(src)) {
                            RegionParts cr = regions.get(world.node(src).placement().region());
                            if (cr != null && (kind == TraceKind.CRASH || kind == TraceKind.EXIT || kind == TraceKind.STOP)) {
                                cr.state.nodeFailed(src);
                            } else if (cr != null && kind == TraceKind.START) {
                                cr.state.nodeRecovered(src);
                            }
                        }
                    });
            addProbes(topology, placements);
            addClients(placements);
            addSubmitters();
            Placement first = placements.get(0).placement();
            world.addNode("operator", first, DiskConfig.instant(), () -> console);
            for (Node n : world.nodes()) {
                n.start();
            }
        }

        private void addProbes(Topology topology, List<AgentPlacement> placements) {
            for (Topology.Region region : topology.regions()) {
                RegionParts r = regions.get(region.name());
                if (r == null) {
                    continue;
                }
                List<NodeId> servers = new ArrayList<>();
                List<Placement> serverPlaces = new ArrayList<>();
                for (String s : r.servers) {
                    servers.add(world.node(s).id());
                    serverPlaces.add(world.node(s).placement());
                }
                for (Topology.Datacenter dc : region.datacenters()) {
                    for (Topology.Zone zone : dc.zones()) {
                        Placement place = new Placement(region.name(), dc.name(), zone.name());
                        String name = Probe.nameIn(zone.name());
                        ProbeRecorder recorder = new ProbeRecorder(world.telemetry(), place);
                        List<NodeId> order = Probe.serverOrder(place, servers, serverPlaces);
                        world.addNode(name, place, DiskConfig.instant(), () -> new Probe(name, place, order, spec.probes(),
                                recorder));
                    }
                }
            }
        }

        private void addClients(List<AgentPlacement> placements) {
            for (AgentPlacement p : placements) {
                if (p.role() == Role.CLIENT) {
                    world.addNode(p.name(), p.placement(), spec.disk(), () -> client(p));
                    clientNodes.add(p.name());
                }
            }
        }

        /** A client agent for {@code p}, configured with its region's servers. */
        private ClientAgent client(AgentPlacement p) {
            List<NodeId> servers = new ArrayList<>();
            RegionParts r = regions.get(p.placement().region());
            if (r != null) {
                r.servers.forEach(s -> servers.add(world.node(s).id()));
            }
            return new ClientAgent(p.placement().region(), p.placement(),
                    spec.clients().fingerprintIn(p.placement().zone()), servers, spec.clients().agentStartup());
        }

        /** One submitter of the workload's jobs per region, in the region's first zone. */
        private void addSubmitters() {
            if (spec.workload().jobs().isEmpty()) {
                return;
            }
            for (RegionParts r : regions.values()) {
                List<JobSpec> mine = new ArrayList<>();
                for (JobSpec j : spec.workload().jobs()) {
                    if (j.job().region().equals(r.name)) {
                        mine.add(j);
                    }
                }
                if (mine.isEmpty() || r.servers.isEmpty()) {
                    continue;
                }
                List<NodeId> servers = new ArrayList<>();
                r.servers.forEach(s -> servers.add(world.node(s).id()));
                Placement place = world.node(r.servers.get(0)).placement();
                Workload w = new Workload(mine, spec.workload().registerAtNanos());
                world.addNode("users-" + r.name, place, DiskConfig.instant(), () -> new JobSubmitter(r.name, servers, w));
            }
        }

        /**
         * Whether a client's process runs and it can reach (both ways, no partition between them) a
         * live server of its region: marking such a node down is a false alarm.
         */
        private boolean reachesItsServers(String client) {
            Node c = world.node(client);
            if (c == null || c.state() != NodeState.UP) {
                return false;
            }
            RegionParts r = regions.get(c.placement().region());
            if (r == null) {
                return false;
            }
            for (String s : r.servers) {
                Node server = world.node(s);
                if (server.state() == NodeState.UP && !world.network().partitions().blocked(c.id(), server.id())
                        && !world.network().partitions().blocked(server.id(), c.id())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public FaultListener faultListener() {
            return new FaultListener() {
                @Override
                public void injected(ScheduledFault fault, List<Node> affected) {
                    if (fault.fault() instanceof Fault.Partition || fault.fault() instanceof Fault.Pause) {
                        note(affected, true);
                    }
                }

                @Override
                public void undone(ScheduledFault fault, List<Node> affected) {
                    if (fault.fault() instanceof Fault.Partition || fault.fault() instanceof Fault.Pause) {
                        note(affected, false);
                    }
                }

                private void note(List<Node> affected, boolean failed) {
                    for (Node n : affected) {
                        RegionParts r = regions.get(n.placement().region());
                        if (r != null && clientNodes.contains(n.name())) {
                            if (failed) {
                                r.state.nodeFailed(n.name());
                            } else {
                                r.state.nodeRecovered(n.name());
                            }
                        }
                    }
                }
            };
        }

        @Override
        public RoleDirectory roles() {
            return new RoleDirectory() {
                @Override
                public List<Node> leaders(String region) {
                    List<Node> out = new ArrayList<>();
                    for (RegionParts r : regions.values()) {
                        if ((region == null || region.equals(r.name)) && r.watcher.current() != null) {
                            Node n = world.node(r.watcher.current());
                            if (n.state() != NodeState.DOWN) {
                                out.add(n);
                            }
                        }
                    }
                    return out;
                }

                @Override
                public List<Node> followers(String region) {
                    List<Node> out = new ArrayList<>();
                    for (RegionParts r : regions.values()) {
                        if (region != null && !region.equals(r.name)) {
                            continue;
                        }
                        for (String s : r.servers) {
                            Node n = world.node(s);
                            if (n.state() == NodeState.UP && !s.equals(r.watcher.current())) {
                                out.add(n);
                            }
                        }
                    }
                    return out;
                }

                @Override
                public List<Node> servers(String region) {
                    List<Node> out = new ArrayList<>();
                    for (RegionParts r : regions.values()) {
                        if (region == null || region.equals(r.name)) {
                            r.servers.forEach(s -> out.add(world.node(s)));
                        }
                    }
                    return out;
                }

                @Override
                public List<Node> clients(String region) {
                    List<Node> out = new ArrayList<>();
                    for (String c : clientNodes) {
                        Node n = world.node(c);
                        if (region == null || region.equals(n.placement().region())) {
                            out.add(n);
                        }
                    }
                    return out;
                }

                @Override
                public long committed() {
                    long total = 0;
                    for (RegionParts r : regions.values()) {
                        total += Math.max(0, r.checker.highestCommitted());
                    }
                    return total;
                }
            };
        }

        @Override
        public Operator operator() {
            return node -> {
                Node target = world.node(node);
                for (Node n : roles().followers(target.placement().region())) {
                    if (!n.name().equals(node)) {
                        console.forceLeave(n.id(), n.placement().region(), node);
                        return;
                    }
                }
                for (Node n : roles().leaders(target.placement().region())) {
                    console.forceLeave(n.id(), n.placement().region(), node);
                }
            };
        }

        /**
         * Tells the gossip metrics what happened to a server's process: a start makes it a live
         * member, a crash opens a detection sample for those that see it alive, an exit is a
         * departure if the others saw it leave and a failure otherwise.
         */
        private void noteForGossip(TraceKind kind, String server) {
            String member = ServerTags.memberName(server, world.node(server).placement().region());
            if (kind == TraceKind.START) {
                if (world.now() > 0) {
                    // A restart rejoins: measured until every live server sees it alive again.
                    List<String> awaiting = new ArrayList<>();
                    for (ServerAgent a : liveAgents()) {
                        if (a.serf() != null && !a.serf().name().equals(member) && a.serf().memberlist().member(member)
                                .map(NodeInfo::state).orElse(null) != MemberState.ALIVE) {
                            awaiting.add(a.serf().name());
                        }
                    }
                    gossip.joinStarted(member, awaiting);
                }
                gossip.memberUp(member);
            } else if (kind == TraceKind.CRASH || kind == TraceKind.EXIT) {
                List<String> seeing = new ArrayList<>();
                boolean sawLeave = false;
                for (ServerAgent a : liveAgents()) {
                    if (a.serf() == null || a.serf().name().equals(member)) {
                        continue;
                    }
                    MemberState s = a.serf().memberlist().member(member).map(NodeInfo::state).orElse(null);
                    if (s == MemberState.ALIVE || s == MemberState.SUSPECT) {
                        seeing.add(a.serf().name());
                    }
                    sawLeave |= a.serf().member(member).map(m -> m.status() == MemberStatus.LEAVING
                            || m.status() == MemberStatus.LEFT).orElse(false);
                }
                if (kind == TraceKind.EXIT && sawLeave) {
                    gossip.memberDeparted(member);
                } else {
                    gossip.memberCrashed(member, seeing);
                }
            }
        }

        private List<ServerAgent> liveAgents() {
            List<ServerAgent> out = new ArrayList<>();
            for (RegionParts r : regions.values()) {
                for (String s : r.servers) {
                    Node n = world.node(s);
                    ServerAgent a = n.isUp() ? serverAgentOf(n) : null;
                    if (a != null) {
                        out.add(a);
                    }
                }
            }
            return out;
        }

        @Override
        public void publish() {
            for (RegionParts r : regions.values()) {
                r.metrics.publish(world.telemetry(), Labels.of("region", r.name), r.elections);
            }
            gossip.publish(world.telemetry(), Labels.NONE);
            double seconds = world.now() / 1e9;
            for (Map.Entry<String, ServerRecorder> e : recorders.entrySet()) {
                Placement place = world.node(e.getKey()).placement();
                world.telemetry().samples(NomadMetrics.HEARTBEATS_PER_SECOND_PER_SERVER,
                        Labels.of("region", place.region(), "zone", place.zone()))
                        .add(seconds <= 0 ? 0 : e.getValue().heartbeats().value() / seconds);
                if (spec.server().capacity().modelled()) {
                    Labels labels = Labels.of("region", place.region(), "zone", place.zone());
                    publishCpu(world.node(e.getKey()).cpu(), labels);
                    publishDisk(world.node(e.getKey()).disk(), labels);
                    world.telemetry().samples(NomadMetrics.SERVER_NIC_UTILISATION, labels)
                            .add(world.network().nicUtilisation(world.node(e.getKey()).id()));
                    ServerAgent server = serverAgentOf(world.node(e.getKey()));
                    if (server != null) {
                        world.telemetry().samples(NomadMetrics.STATE_MEGABYTES, labels).add(server.stateBytes() / 1e6);
                    }
                }
            }
        }

        /** The server agent a node runs, alone or beside a client on one host; null while it is down. */
        private static ServerAgent serverAgentOf(Node n) {
            if (n.process() instanceof HostAgent host) {
                return host.server();
            }
            return n.process() instanceof ServerAgent a ? a : null;
        }

        /** A server's CPU over the run: utilisation, offered load, mean wait, longest queue. */
        private void publishCpu(io.clustersim.kernel.cpu.Cpu cpu, Labels labels) {
            world.telemetry().samples(NomadMetrics.SERVER_CPU_UTILISATION, labels).add(cpu.utilisation());
            world.telemetry().samples(NomadMetrics.SERVER_CPU_OFFERED_LOAD, labels).add(cpu.offeredLoad());
            double wait = cpu.meanWaitSeconds();
            world.telemetry().samples(NomadMetrics.SERVER_CPU_WAIT_MS, labels).add(Double.isNaN(wait) ? 0 : wait * 1000);
            world.telemetry().samples(NomadMetrics.SERVER_CPU_LONGEST_QUEUE, labels).add(cpu.longestQueue());
        }

        /** A server's disk over the run: its IOPS in use, and how long writes waited for them. */
        private void publishDisk(io.clustersim.kernel.disk.Disk disk, Labels labels) {
            world.telemetry().samples(NomadMetrics.SERVER_DISK_IOPS_UTILISATION, labels).add(disk.iopsUtilisation());
            world.telemetry().samples(NomadMetrics.SERVER_DISK_QUEUE_MS, labels)
                    .add(disk.writes() == 0 ? 0 : disk.queueNanosTotal() / 1e6 / disk.writes());
        }

        @Override
        public List<String> summary() {
            List<String> out = new ArrayList<>();
            for (RegionParts r : regions.values()) {
                Level l = r.watcher.leaderLevel();
                long[] times = l.changeTimes();
                double[] values = l.changeValues();
                StringBuilder sb = new StringBuilder("leader of " + r.name + ":");
                for (int i = 0; i < times.length; i++) {
                    int idx = (int) values[i];
                    sb.append(i == 0 ? " " : ", ").append(idx == 0 ? "none" : r.servers.isEmpty() ? "?" : serverName(idx))
                            .append(" from ").append(Durations.format(times[i]));
                }
                out.add(sb.toString());
            }
            return out;
        }

        private String serverName(int index) {
            int i = 0;
            for (AgentPlacement p : spec.topology().placements()) {
                if (p.role() == Role.SERVER && ++i == index) {
                    return p.name();
                }
            }
            return "?";
        }
    }
}
