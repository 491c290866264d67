package io.clustersim.model.topology;

import java.util.ArrayList;
import java.util.List;

/** The shape of a deployment: regions, each with datacenters, each with availability zones. */
public record Topology(List<Region> regions) {
    public Topology {
        regions = List.copyOf(regions);
    }

    public record Region(String name, List<Datacenter> datacenters) {
        public Region {
            datacenters = List.copyOf(datacenters);
        }
    }

    public record Datacenter(String name, List<Zone> zones) {
        public Datacenter {
            zones = List.copyOf(zones);
        }
    }

    /**
     * An availability zone and the agents in it. {@code members} are plain Serf pool members with no
     * Nomad role, for gossip studies. With {@code serversRunClients} every server host of the zone
     * also runs a client agent (losing the host loses both).
     */
    public record Zone(String name, int servers, int clients, int members, boolean serversRunClients) {
        public Zone(String name, int servers, int clients) {
            this(name, servers, clients, 0, false);
        }

        public Zone(String name, int servers, int clients, int members) {
            this(name, servers, clients, members, false);
        }
    }

    /** Whether the servers of {@code zone} also run clients. */
    public boolean serversRunClients(String zone) {
        for (Region r : regions) {
            for (Datacenter d : r.datacenters()) {
                for (Zone z : d.zones()) {
                    if (z.name().equals(zone)) {
                        return z.serversRunClients();
                    }
                }
            }
        }
        return false;
    }

    /** The zones of {@code region} whose hosts run client agents (clients, or servers that also run one), sorted. */
    public java.util.SortedSet<String> clientZones(String region) {
        java.util.SortedSet<String> zones = new java.util.TreeSet<>();
        for (Region r : regions) {
            if (r.name().equals(region)) {
                for (Datacenter d : r.datacenters()) {
                    for (Zone z : d.zones()) {
                        if (z.clients() > 0 || z.serversRunClients() && z.servers() > 0) {
                            zones.add(z.name());
                        }
                    }
                }
            }
        }
        return zones;
    }

    /** A plain Serf pool of {@code members}, spread round-robin over {@code zones} of one region. */
    public static Topology serfPool(int members, List<String> zones) {
        List<Zone> z = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            int n = members / zones.size() + (i < members % zones.size() ? 1 : 0);
            z.add(new Zone(zones.get(i), 0, 0, n));
        }
        return singleRegion("pool", "pool", z);
    }

    /** One region, one datacenter, the given zones: the common single-region layout. */
    public static Topology singleRegion(String region, String datacenter, List<Zone> zones) {
        return new Topology(List.of(new Region(region, List.of(new Datacenter(datacenter, zones)))));
    }

    /** Every name a fault or a latency override may use: regions, datacenters, zones and nodes. */
    public java.util.SortedSet<String> placeNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        for (Region r : regions) {
            names.add(r.name());
            for (Datacenter d : r.datacenters()) {
                names.add(d.name());
                d.zones().forEach(z -> names.add(z.name()));
            }
        }
        placements().forEach(p -> names.add(p.name()));
        return names;
    }

    public int totalServers() {
        return placements().stream().filter(p -> p.role() == Role.SERVER).mapToInt(p -> 1).sum();
    }

    public int totalClients() {
        return placements().stream().filter(p -> p.role() == Role.CLIENT).mapToInt(p -> 1).sum();
    }

    public int totalSerfMembers() {
        return placements().stream().filter(p -> p.role() == Role.SERF_MEMBER).mapToInt(p -> 1).sum();
    }

    /**
     * Every agent with its name and place, servers first, then clients, then Serf members, in
     * declaration order. Names are {@code server-N}, {@code client-N} and {@code member-N}, numbered
     * across the whole topology from 1.
     */
    public List<AgentPlacement> placements() {
        List<AgentPlacement> servers = new ArrayList<>();
        List<AgentPlacement> clients = new ArrayList<>();
        List<AgentPlacement> members = new ArrayList<>();
        for (Region r : regions) {
            for (Datacenter d : r.datacenters()) {
                for (Zone z : d.zones()) {
                    var place = new io.clustersim.kernel.network.Placement(r.name(), d.name(), z.name());
                    for (int i = 0; i < z.servers(); i++) {
                        servers.add(new AgentPlacement("server-" + (servers.size() + 1), Role.SERVER, place));
                    }
                    for (int i = 0; i < z.clients(); i++) {
                        clients.add(new AgentPlacement("client-" + (clients.size() + 1), Role.CLIENT, place));
                    }
                    for (int i = 0; i < z.members(); i++) {
                        members.add(new AgentPlacement("member-" + (members.size() + 1), Role.SERF_MEMBER, place));
                    }
                }
            }
        }
        servers.addAll(clients);
        servers.addAll(members);
        return servers;
    }
}
