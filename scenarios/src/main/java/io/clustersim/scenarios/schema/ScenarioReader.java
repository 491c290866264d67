package io.clustersim.scenarios.schema;

import io.clustersim.faults.ScheduledFault;
import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.LatencyOverride;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.network.LinkProfile;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.time.Durations;
import io.clustersim.model.client.ClientSettings;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.probe.ProbeKind;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.topology.Topology;
import io.clustersim.model.workload.JobSpec;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.SafeYamlReader;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a scenario file. Every problem becomes an {@link InputError} naming file,
 * line, column and key path; a scenario that loads is complete and consistent.
 */
public final class ScenarioReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> TOP_KEYS = List.of("name", "description", "seed", "duration", "warmup", "topology", "network", "disk", "raft", "gossip", "nomad", "heartbeat", "capacity", "clients", "jobs", "probes", "workload", "failures", "expect", "replications", "sweep");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> TOPOLOGY_KEYS = List.of("regions", "serfPool");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> REGION_KEYS = List.of("name", "datacenters", "authoritative", "servers", "clients");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> DATACENTER_KEYS = List.of("name", "zones");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> ZONE_KEYS = List.of("name", "servers", "clients", "serversRunClients");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> SERF_POOL_KEYS = List.of("members", "zones");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> NETWORK_KEYS = List.of("latency", "bandwidth", "lossProbability", "duplicationProbability", "overrides");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> LINK_CLASS_KEYS = List.of("sameZone", "crossZone", "crossRegion");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> OVERRIDE_KEYS = List.of("between", "latency");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> DISK_KEYS = List.of("fsync", "iops");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> WORKLOAD_KEYS = List.of("registerJobsAt");
    /** Seed used when a scenario names none; printed before every run, so runs stay reproducible. */
    public static final long DEFAULT_SEED = 1;

    /** A Nomad deployment's first seconds form the cluster; availability counts from here. */
    public static final long DEFAULT_WARMUP_NANOS = 30_000_000_000L;
    /** The users register the jobs once the servers have elected and the clients registered. */
    public static final long DEFAULT_REGISTER_JOBS_AT_NANOS = 15_000_000_000L;

    private static final Pattern BANDWIDTH = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|bit|Kbit|Mbit|Gbit)/s");

    private final SafeYamlReader yaml = new SafeYamlReader();

    public Scenario read(Path file) {
        return fromTree(yaml.read(file), file.toString());
    }

    public Scenario read(String fileName, String text) {
        return fromTree(yaml.read(fileName, text), fileName);
    }

    /** A scenario of a sweep: its label ({@code servers=1, crossZone=5ms}) and the scenario. */
    public record Variant(String label, Scenario scenario) {}

    /**
     * Every variant of the file's {@code sweep:} grid, each validated as a whole file; one unlabelled
     * variant when there is no sweep.
     */
    public List<Variant> readVariants(Path file) {
        return variants(yaml.read(file), file.toString());
    }

    /** As {@link #readVariants(Path)}, for a file's text. */
    public List<Variant> readVariants(String fileName, String text) {
        return variants(yaml.read(fileName, text), fileName);
    }

    private List<Variant> variants(YamlNode root, String source) {
        if (!(root instanceof YamlNode.Mapping m) || !m.entries().containsKey("sweep")) {
            return List.of(new Variant("", fromTree(root, source)));
        }
        List<Variant> out = new ArrayList<>();
        for (Map.Entry<String, YamlNode> v : Sweep.expand(m)) {
            out.add(new Variant(v.getKey(), fromTree(v.getValue(), source)));
        }
        return out;
    }

    private Scenario fromTree(YamlNode root, String source) {
        YamlMap m = YamlMap.of(root, "a scenario")
                .allowOnly(TOP_KEYS);
        String name = m.string("name", "the scenario's name");
        if (!name.matches(NAME_PATTERN) || name.length() > 100) {
            // The name becomes the report's directory (out/<name>): no paths, no hidden names.
            throw InputError.at(m.require("name", ""), "expected a scenario name of letters, digits, '.', '_' or '-' "
                    + "(at most 100, starting with a letter or digit), got '" + name + "'");
        }
        String description = m.string("description", "a description", "");
        long seed = m.integer("seed", "the seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        long duration = m.durationNanos("duration", "how long to simulate, e.g. 10m");
        if (duration <= 0) {
            throw InputError.at(m.require("duration", ""), "expected a duration greater than zero");
        }
        String[] authoritative = new String[1];
        Topology topology = topology(m.require("topology", "regions, datacenters and zones"), authoritative);
        NetworkConfig network = m.get("network").map(n -> network(n, topology)).orElseGet(ScenarioReader::defaultNetwork);
        DiskConfig disk = m.get("disk").map(ScenarioReader::disk).orElseGet(ScenarioReader::defaultDisk);
        RaftConfig raft = m.get("raft").map(RaftSettingsReader::read).orElseGet(RaftConfig::hashicorp);
        String defaultGossip = topology.totalSerfMembers() > 0 ? "lan" : "nomad-server";
        GossipConfig gossip = m.get("gossip").map(g -> GossipSettingsReader.read(g, defaultGossip))
                .orElseGet(() -> GossipSettingsReader.profile(defaultGossip, null));
        Distribution agentStartup = m.get("gossip").map(GossipSettingsReader::agentStartup)
                .orElse(GossipSettingsReader.DEFAULT_AGENT_STARTUP);
        List<ScheduledFault> failures = FailuresReader.read(m.list("failures", "failures"), topology, duration);
        long warmup = m.durationNanos("warmup", "how long to leave out of availability figures",
                topology.totalServers() > 0 ? DEFAULT_WARMUP_NANOS : 0);
        if (warmup < 0 || warmup >= duration) {
            throw InputError.at(m.require("warmup", ""), "expected a warmup shorter than the duration ("
                    + Durations.format(duration) + ")");
        }
        NomadServerConfig nomad = NomadServerConfig.defaults().withRaft(raft).withGossip(gossip).withState(0, agentStartup)
                .withAuthoritativeRegion(authoritative[0]);
        if (m.has("capacity")) {
            nomad = nomad.withCapacity(CapacityReader.read(m.require("capacity", "")));
        }
        if (m.has("nomad")) {
            nomad = NomadSettingsReader.read(m.require("nomad", ""), nomad);
        }
        if (m.has("heartbeat")) {
            nomad = nomad.withHeartbeat(ClientsReader.heartbeat(m.require("heartbeat", "")));
        }
        ClientSettings clients = m.has("clients")
                ? ClientsReader.clients(m.require("clients", ""), zoneNames(topology), nomad.agentStartup())
                : new ClientSettings(io.clustersim.model.client.Fingerprint.defaults(), new java.util.TreeMap<>(),
                        nomad.agentStartup());
        List<String> regionNames = topology.regions().stream().map(Topology.Region::name).toList();
        List<JobSpec> jobs = JobsReader.read(m.list("jobs", "jobs"), regionNames, datacenterNames(topology));
        long registerAt = m.get("workload").map(ScenarioReader::registerJobsAt).orElse(DEFAULT_REGISTER_JOBS_AT_NANOS);
        if (registerAt >= duration) {
            throw InputError.at(m.require("workload", ""), "expected registerJobsAt before the end of the run ("
                    + Durations.format(duration) + ")");
        }
        io.clustersim.model.workload.Workload workload = new io.clustersim.model.workload.Workload(jobs, registerAt);
        ProbeConfig defaultProbes = ProbeConfig.defaults();
        if (authoritative[0] != null) {
            java.util.EnumSet<ProbeKind> k = java.util.EnumSet.copyOf(defaultProbes.kinds());
            k.add(ProbeKind.ACL_WRITE);
            defaultProbes = new ProbeConfig(defaultProbes.interval(), defaultProbes.timeout(), k);
        }
        ProbeConfig probes = m.has("probes") ? ProbesReader.read(m.require("probes", ""), defaultProbes) : defaultProbes;
        List<String> warnings = Advice.warnings(topology, network, nomad, clients, jobs);
        return new Scenario(name, description, seed, duration, topology, network, disk, raft, gossip, agentStartup, clients,
                workload, failures, source, warmup, nomad, probes, warnings,
                m.get("expect").map(ExpectationsReader::read).orElse(Expectations.NONE),
                (int) m.integer("replications", "how many seeded runs", 1, 1, MAX_REPLICATIONS));
    }

    // --- topology -------------------------------------------------------------------------

    /** Names that become file names: no path separators, no leading dot. */
    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** The most servers and clients one run may hold: beyond it a run would not fit in memory. */
    public static final long MAX_NODES = 200_000;
    /** The most replications one invocation makes. */
    public static final int MAX_REPLICATIONS = 100_000;

    private static Topology topology(YamlNode node, String[] authoritative) {
        YamlMap m = YamlMap.of(node, "the topology").allowOnly(TOPOLOGY_KEYS);
        if (m.has("serfPool")) {
            if (m.has("regions")) {
                throw InputError.at(node, "expected either regions (a Nomad deployment) or serfPool (a plain Serf pool), not both");
            }
            return serfPool(m.require("serfPool", ""));
        }
        List<YamlNode> regionNodes = m.list("regions", "regions");
        if (regionNodes.isEmpty()) {
            throw InputError.at(node, "expected at least one region under 'regions'");
        }
        Set<String> names = new TreeSet<>();
        List<Topology.Region> regions = new ArrayList<>();
        long nodes = 0;
        for (YamlNode rn : regionNodes) {
            long beforeRegion = nodes;
            YamlMap r = YamlMap.of(rn, "a region").allowOnly(REGION_KEYS);
            String rname = uniqueName(r, names, "region");
            if (r.bool("authoritative", false)) {
                if (authoritative[0] != null) {
                    throw InputError.at(r.require("authoritative", ""), "only one region can be authoritative; '"
                            + authoritative[0] + "' is already");
                }
                authoritative[0] = rname;
            }
            List<Topology.Datacenter> dcs = new ArrayList<>();
            List<YamlNode> dcNodes = r.list("datacenters", "datacenters");
            if (dcNodes.isEmpty()) {
                throw InputError.at(rn, "expected at least one datacenter under 'datacenters'");
            }
            for (YamlNode dn : dcNodes) {
                YamlMap d = YamlMap.of(dn, "a datacenter").allowOnly(DATACENTER_KEYS);
                String dname = uniqueName(d, names, "datacenter");
                List<Topology.Zone> zones = new ArrayList<>();
                List<YamlNode> zoneNodes = d.list("zones", "availability zones");
                if (zoneNodes.isEmpty()) {
                    throw InputError.at(dn, "expected at least one zone under 'zones'");
                }
                for (YamlNode zn : zoneNodes) {
                    YamlMap z = YamlMap.of(zn, "an availability zone").allowOnly(ZONE_KEYS);
                    String zname = uniqueName(z, names, "zone");
                    int servers = (int) z.integer("servers", "the number of servers", 0, 0, 100);
                    int clients = (int) z.integer("clients", "the number of clients", 0, 0, 1_000_000);
                    boolean colocated = z.bool("serversRunClients", false);
                    nodes += servers + clients;
                    // Counted as read: a topology too large to simulate must not be built to find out.
                    checkSize(zn, nodes);
                    zones.add(new Topology.Zone(zname, servers, clients, 0, colocated));
                }
                dcs.add(new Topology.Datacenter(dname, zones));
            }
            if (r.has("servers") || r.has("clients")) {
                dcs = spread(dcs, (int) r.integer("servers", "the region's servers, spread over its zones", -1, 0, 100),
                        (int) r.integer("clients", "the region's clients, spread over its zones", -1, 0, 1_000_000));
                nodes = beforeRegion + count(dcs);
                checkSize(rn, nodes);
            }
            regions.add(new Topology.Region(rname, dcs));
        }
        Topology t = new Topology(regions);
        if (t.totalServers() == 0 && t.totalSerfMembers() == 0) {
            throw InputError.at(node, "expected at least one server in the topology");
        }
        return t;
    }

    /**
     * A region's totals (a sweep's knob: {@code topology.regions[0].clients: [1000, 10000]}) spread
     * over its zones in order, the first zones taking one more where it does not divide evenly;
     * a negative total leaves the zones' own counts.
     */
    private static List<Topology.Datacenter> spread(List<Topology.Datacenter> dcs, int servers, int clients) {
        int zones = 0;
        for (Topology.Datacenter d : dcs) {
            zones += d.zones().size();
        }
        List<Topology.Datacenter> out = new ArrayList<>();
        int i = 0;
        for (Topology.Datacenter d : dcs) {
            List<Topology.Zone> zs = new ArrayList<>();
            for (Topology.Zone z : d.zones()) {
                int s = servers < 0 ? z.servers() : servers / zones + (i < servers % zones ? 1 : 0);
                int c = clients < 0 ? z.clients() : clients / zones + (i < clients % zones ? 1 : 0);
                zs.add(new Topology.Zone(z.name(), s, c, z.members(), z.serversRunClients()));
                i++;
            }
            out.add(new Topology.Datacenter(d.name(), zs));
        }
        return out;
    }

    private static void checkSize(YamlNode at, long nodes) {
        if (nodes > MAX_NODES) {
            throw InputError.at(at, "the topology reaches " + nodes + " servers and clients here; ClusterSim "
                    + "simulates at most " + MAX_NODES + " in one run");
        }
    }

    private static long count(List<Topology.Datacenter> dcs) {
        long n = 0;
        for (Topology.Datacenter d : dcs) {
            for (Topology.Zone z : d.zones()) {
                n += z.servers() + z.clients();
            }
        }
        return n;
    }

    private static Topology serfPool(YamlNode node) {
        YamlMap m = YamlMap.of(node, "a Serf pool such as { members: 10, zones: [a, b, c] }").allowOnly(SERF_POOL_KEYS);
        int members = (int) m.integer("members", "the number of pool members", 0, 1, 100_000);
        if (!m.has("members")) {
            m.require("members", "the number of pool members");
        }
        List<String> zones = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (YamlNode z : m.list("zones", "zone names")) {
            String name = YamlMap.asString(z, "a zone name");
            if (!seen.add(name)) {
                throw InputError.at(z, "the zone '" + name + "' is listed twice");
            }
            zones.add(name);
        }
        return Topology.serfPool(members, zones.isEmpty() ? List.of("zone-1") : zones);
    }

    private static String uniqueName(YamlMap m, Set<String> seen, String what) {
        String name = m.string("name", "the " + what + "'s name");
        if (name.isBlank() || !name.matches(NAME_PATTERN)) {
            throw InputError.at(m.require("name", ""), "expected a " + what + " name of letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (!seen.add(name)) {
            throw InputError.at(m.require("name", ""), "the name '" + name + "' is used twice; region, datacenter and zone names must be unique");
        }
        return name;
    }

    // --- network ---------------------------------------------------------------------------

    static NetworkConfig defaultNetwork() {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        m.put(LinkClass.SAME_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(250_000, 1_000_000)));
        m.put(LinkClass.CROSS_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(1_000_000, 3_000_000)));
        m.put(LinkClass.CROSS_REGION, LinkProfile.of(new Distribution.Normal(70_000_000, 5_000_000)));
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    private static NetworkConfig network(YamlNode node, Topology topology) {
        YamlMap m = YamlMap.of(node, "the network").allowOnly(NETWORK_KEYS);
        NetworkConfig defaults = defaultNetwork();
        Map<LinkClass, Distribution> latency = new EnumMap<>(LinkClass.class);
        Map<LinkClass, Double> bandwidth = new EnumMap<>(LinkClass.class);
        for (LinkClass c : LinkClass.values()) {
            latency.put(c, defaults.linkClasses().get(c).latencyNanos());
            bandwidth.put(c, 0.0);
        }
        m.get("latency").ifPresent(l -> {
            YamlMap lm = YamlMap.of(l, "latency per link class").allowOnly(LINK_CLASS_KEYS);
            for (LinkClass c : LinkClass.values()) {
                lm.get(key(c)).ifPresent(v -> latency.put(c, DistributionReader.readDuration(v)));
            }
        });
        m.get("bandwidth").ifPresent(b -> {
            YamlMap bm = YamlMap.of(b, "bandwidth per link class").allowOnly("sameZone", "crossZone", "crossRegion");
            for (LinkClass c : LinkClass.values()) {
                bm.get(key(c)).ifPresent(v -> bandwidth.put(c, bandwidth(v)));
            }
        });
        Map<LinkClass, LinkProfile> profiles = new EnumMap<>(LinkClass.class);
        for (LinkClass c : LinkClass.values()) {
            profiles.put(c, new LinkProfile(latency.get(c), bandwidth.get(c)));
        }
        Set<String> places = topology.placeNames();
        List<LatencyOverride> overrides = new ArrayList<>();
        for (YamlNode on : m.list("overrides", "latency overrides")) {
            YamlMap o = YamlMap.of(on, "an override such as { between: [zone-a, zone-b], latency: 12ms }").allowOnly(OVERRIDE_KEYS);
            YamlNode between = o.require("between", "two zones, datacenters, regions or nodes");
            if (!(between instanceof YamlNode.Sequence s) || s.items().size() != 2) {
                throw InputError.at(between, "expected a list of exactly two places, e.g. [us-east-1a, us-east-1c]");
            }
            String a = YamlMap.asString(s.items().get(0), "a zone, datacenter, region or node name");
            String b = YamlMap.asString(s.items().get(1), "a zone, datacenter, region or node name");
            for (int i = 0; i < 2; i++) {
                String place = i == 0 ? a : b;
                if (!places.contains(place)) {
                    throw InputError.at(s.items().get(i), "unknown zone, datacenter, region or node '" + place
                            + "'; the topology has: " + String.join(", ", places));
                }
            }
            Distribution d = DistributionReader.readDuration(o.require("latency", "a latency distribution"));
            overrides.add(new LatencyOverride(a, b, LinkProfile.of(d)));
        }
        double loss = m.number("lossProbability", "a probability", 0, 0, 1);
        double dup = m.number("duplicationProbability", "a probability", 0, 0, 1);
        return new NetworkConfig(profiles, overrides, loss, dup);
    }

    private static String key(LinkClass c) {
        return switch (c) {
            case SAME_ZONE -> "sameZone";
            case CROSS_ZONE -> "crossZone";
            case CROSS_REGION -> "crossRegion";
        };
    }

    static double bandwidth(YamlNode v) {
        String text = YamlMap.asString(v, "a bandwidth such as 1Gbit/s or 100MB/s");
        Matcher mm = BANDWIDTH.matcher(text.trim());
        if (!mm.matches()) {
            throw InputError.at(v, "expected a bandwidth such as 1Gbit/s or 100MB/s, got '" + text + "'");
        }
        double x = Double.parseDouble(mm.group(1));
        double bytes = switch (mm.group(2)) {
            case "B" -> x;
            case "KB" -> x * 1e3;
            case "MB" -> x * 1e6;
            case "GB" -> x * 1e9;
            case "bit" -> x / 8;
            case "Kbit" -> x * 1e3 / 8;
            case "Mbit" -> x * 1e6 / 8;
            default -> x * 1e9 / 8;
        };
        if (bytes <= 0) {
            throw InputError.at(v, "expected a bandwidth greater than zero");
        }
        return bytes;
    }

    // --- disk and workload ------------------------------------------------------------------

    static DiskConfig defaultDisk() {
        return new DiskConfig(Distribution.LogNormal.ofMedianAndP99(1_000_000, 5_000_000), 3000);
    }

    static DiskConfig disk(YamlNode node) {
        YamlMap m = YamlMap.of(node, "the disk").allowOnly(DISK_KEYS);
        DiskConfig d = defaultDisk();
        Distribution fsync = m.get("fsync").map(DistributionReader::readDuration).orElse(d.fsyncNanos());
        double iops = m.number("iops", "synced writes per second (0 = unlimited)", d.iops(), 0, 1e9);
        return new DiskConfig(fsync, iops);
    }

    /** {@code workload: { registerJobsAt: 15s }}: when the users register the scenario's jobs. */
    private static long registerJobsAt(YamlNode node) {
        YamlMap m = YamlMap.of(node, "the workload").allowOnly(WORKLOAD_KEYS);
        long at = m.durationNanos("registerJobsAt", "when the jobs are registered", DEFAULT_REGISTER_JOBS_AT_NANOS);
        if (at < 0) {
            throw InputError.at(m.require("registerJobsAt", ""), "expected a time not before the start");
        }
        return at;
    }

    private static java.util.Set<String> zoneNames(Topology t) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Topology.Region r : t.regions()) {
            for (Topology.Datacenter d : r.datacenters()) {
                d.zones().forEach(z -> out.add(z.name()));
            }
        }
        return out;
    }

    private static java.util.Set<String> datacenterNames(Topology t) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Topology.Region r : t.regions()) {
            r.datacenters().forEach(d -> out.add(d.name()));
        }
        return out;
    }

    private static String describe(io.clustersim.raft.config.TimingProfile t) {
        if (t instanceof io.clustersim.raft.config.TimingProfile.Hashicorp h) {
            return "hashicorp (heartbeatTimeout " + Durations.format(h.heartbeatTimeoutNanos()) + ", electionTimeout "
                    + Durations.format(h.electionTimeoutNanos()) + ", leaderLeaseTimeout " + Durations.format(h.leaderLeaseTimeoutNanos())
                    + ", commitTimeout " + Durations.format(h.commitTimeoutNanos()) + ", preVote " + h.preVote() + ")";
        } else if (t instanceof io.clustersim.raft.config.TimingProfile.Etcd e) {
            return "etcd (tick " + Durations.format(e.tickNanos()) + ", heartbeatTicks " + e.heartbeatTick() + ", electionTicks "
                    + e.electionTick() + ", preVote " + e.preVote() + ", checkQuorum " + e.checkQuorum() + ")";
        }
        var c = (io.clustersim.raft.config.TimingProfile.Custom) t;
        return "custom (electionTimeout uniform [" + Durations.format(c.electionTimeoutMinNanos()) + ", "
                + Durations.format(c.electionTimeoutMaxNanos()) + "), heartbeatInterval " + Durations.format(c.heartbeatIntervalNanos())
                + ", preVote " + c.preVote() + ", checkQuorum " + c.checkQuorum() + ")";
    }

    /** A description of the resolved options, printed before a run. */
    private static String describe(DiskConfig d) {
        return String.format(java.util.Locale.ROOT, "fsync mean %.3fms, iops %s", d.fsyncNanos().mean() / 1e6,
                d.iops() == 0 ? "unlimited" : String.valueOf((long) d.iops()));
    }

    public static String describe(Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario ").append(s.name()).append(" (").append(s.source()).append(")\n");
        sb.append("  seed ").append(s.seed()).append(", duration ").append(Durations.format(s.durationNanos())).append('\n');
        sb.append("  topology: ").append(s.topology().regions().size()).append(" region(s), ")
                .append(s.topology().totalServers()).append(" servers, ").append(s.topology().totalClients()).append(" clients");
        if (s.isSerfPool()) {
            sb.append(", ").append(s.topology().totalSerfMembers()).append(" Serf pool members");
        }
        sb.append('\n');
        for (Topology.Region r : s.topology().regions()) {
            for (Topology.Datacenter d : r.datacenters()) {
                for (Topology.Zone z : d.zones()) {
                    sb.append("    ").append(r.name()).append('/').append(d.name()).append('/').append(z.name())
                            .append(": ").append(z.servers()).append(" servers, ").append(z.clients()).append(" clients")
                            .append(z.members() > 0 ? ", " + z.members() + " members" : "").append('\n');
                }
            }
        }
        sb.append("  network: ");
        for (LinkClass c : LinkClass.values()) {
            sb.append(key(c)).append(" mean ").append(String.format(java.util.Locale.ROOT, "%.3fms", s.network().linkClasses().get(c).latencyNanos().mean() / 1e6)).append(", ");
        }
        sb.append(s.network().overrides().size()).append(" override(s), loss ").append(s.network().lossProbability())
                .append(", duplication ").append(s.network().duplicationProbability()).append('\n');
        sb.append("  disk: ").append(describe(s.disk())).append('\n');
        io.clustersim.model.capacity.ServerCapacity capacity = s.nomad().capacity();
        if (capacity.modelled()) {
            sb.append("  capacity: servers are ").append(capacity.instance().name()).append(" (").append(capacity.instance().cores())
                    .append(" cores, ").append(capacity.instance().memoryBytes() >> 30).append(" GiB");
            DiskConfig serverDisk = capacity.instance().disk();
            if (serverDisk != null) {
                sb.append(", disk ").append(describe(serverDisk));
            }
            if (capacity.instance().nicBytesPerSecond() > 0) {
                sb.append(String.format(java.util.Locale.ROOT, ", NIC %.2f Gbit/s", capacity.instance().nicBytesPerSecond() * 8 / 1e9));
            }
            sb.append("); mean CPU cost:");
            for (io.clustersim.model.capacity.Operation o : io.clustersim.model.capacity.Operation.values()) {
                sb.append(' ').append(o.key()).append(' ').append(String.format(java.util.Locale.ROOT, "%.0fus",
                        capacity.costs().of(o).mean() / 1e3));
            }
            sb.append('\n');
        }
        if (s.isSerfPool()) {
            sb.append("  gossip: ").append(s.gossip().profile()).append(", probe ")
                    .append(Durations.format(s.gossip().memberlist().probeInterval().toNanos()))
                    .append(", lifeguard ").append(s.gossip().memberlist().lifeguard() ? "on" : "off")
                    .append(", agent startup mean ").append(Durations.format((long) s.agentStartup().mean()));
        } else {
            sb.append("  raft: ").append(describe(s.raft().timing())).append(", maxAppendEntries ").append(s.raft().maxAppendEntries())
                    .append(", snapshotThreshold ").append(s.raft().snapshotThreshold()).append('\n');
            var n = s.nomad();
            sb.append("  nomad: bootstrapExpect ").append(n.bootstrapExpect() == 0 ? "= servers per region" : n.bootstrapExpect())
                    .append(", leaveOnTerminate ").append(n.leaveOnTerminate()).append(", leaveOnInterrupt ")
                    .append(n.leaveOnInterrupt()).append(", rpcHoldTimeout ").append(Durations.format(n.rpcHoldTimeout().toNanos()))
                    .append(", reconcile every ").append(Durations.format(n.reconcileInterval().toNanos()))
                    .append(", authoritative region ").append(n.authoritativeRegion() == null ? "none (no ACL replication)"
                            : n.authoritativeRegion()).append('\n');
            var a = n.autopilot();
            sb.append("  autopilot: cleanupDeadServers ").append(a.cleanupDeadServers()).append(", lastContactThreshold ")
                    .append(Durations.format(a.lastContactThreshold().toNanos())).append(", maxTrailingLogs ")
                    .append(a.maxTrailingLogs()).append(", serverStabilizationTime ")
                    .append(Durations.format(a.serverStabilizationTime().toNanos())).append(", minQuorum ").append(a.minQuorum())
                    .append('\n');
            sb.append("  gossip: ").append(s.gossip().profile()).append(", probe ")
                    .append(Durations.format(s.gossip().memberlist().probeInterval().toNanos())).append('\n');
            var h = n.heartbeat();
            sb.append("  heartbeat: minHeartbeatTtl ").append(Durations.format(h.minHeartbeatTtl().toNanos()))
                    .append(", maxHeartbeatsPerSecond ").append(h.maxHeartbeatsPerSecond()).append(", heartbeatGrace ")
                    .append(Durations.format(h.heartbeatGrace().toNanos())).append(", failoverHeartbeatTtl ")
                    .append(Durations.format(h.failoverHeartbeatTtl().toNanos())).append(", nodeGcThreshold ")
                    .append(Durations.format(h.nodeGcThreshold().toNanos())).append('\n');
            var f = s.clients().fingerprint();
            sb.append("  clients: ").append(f.cpuMhz()).append(" MHz, ").append(f.memoryMb()).append(" MB, class ")
                    .append(f.nodeClass()).append(", pool ").append(f.nodePool()).append(f.attributes().isEmpty() ? "" : ", " + f.attributes())
                    .append(s.clients().byZone().isEmpty() ? "" : ", own fingerprints in " + s.clients().byZone().keySet()).append('\n');
            for (var j : s.workload().jobs()) {
                sb.append("  job ").append(j.job().id()).append(" (").append(j.job().type().name().toLowerCase(java.util.Locale.ROOT))
                        .append(", ").append(j.job().region()).append("):");
                for (var g : j.job().groups()) {
                    sb.append(' ').append(g.name()).append(" x").append(g.count()).append(' ').append(g.cpuMhz()).append(" MHz/")
                            .append(g.memoryMb()).append(" MB").append(g.spreadByZone() ? " spread by zone" : "");
                }
                if (j.updatesPerHour() > 0 || j.submissionsPerHour() > 0) {
                    sb.append(", ").append(j.updatesPerHour()).append(" updates/h, ").append(j.submissionsPerHour()).append(" new/h");
                }
                sb.append('\n');
            }
            sb.append("  probes: every ").append(Durations.format(s.probes().interval().toNanos())).append(", timeout ")
                    .append(Durations.format(s.probes().timeout().toNanos())).append(", ").append(s.probes().kinds())
                    .append(", availability counted from ").append(Durations.format(s.warmupNanos()));
        }
        for (String w : s.warnings()) {
            sb.append("\n  warning: ").append(w);
        }
        for (ScheduledFault f : s.failures()) {
            sb.append("\n  failure ").append(io.clustersim.faults.FailureInjector.describe(f.trigger())).append(": ").append(io.clustersim.faults.FailureInjector.describe(f.fault()));
            if (f.durationNanos() > 0) {
                sb.append(" for ").append(Durations.format(f.durationNanos()));
            }
        }
        return sb.toString();
    }
}
