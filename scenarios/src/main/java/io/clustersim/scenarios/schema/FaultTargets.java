package io.clustersim.scenarios.schema;

import io.clustersim.faults.Target;
import io.clustersim.model.topology.Role;
import io.clustersim.model.topology.Topology;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a fault's target and refuses one that can match nothing in this scenario (a leader in a
 * plain Serf pool, clients where there are none, an unknown place), so that no fault runs as a
 * silent no-op.
 */
final class FaultTargets {
    static final String FORMS = "leader, leader:REGION, follower, follower:REGION, zone-of-leader, zone-of-follower, "
            + "servers, servers:REGION, clients, clients:REGION, random:TARGET, zone:NAME, datacenter:NAME, region:NAME "
            + "or a node's name";

    private final Set<String> nodes = new TreeSet<>();
    private final Set<String> zones = new TreeSet<>();
    private final Set<String> datacenters = new TreeSet<>();
    private final Set<String> regions = new TreeSet<>();
    private final Set<String> serverNames = new TreeSet<>();
    private final Set<String> regionsWithClients = new TreeSet<>();
    private final boolean serfPool;

    FaultTargets(Topology t) {
        t.placements().forEach(p -> {
            nodes.add(p.name());
            if (p.role() == Role.SERVER) {
                serverNames.add(p.name());
            }
            if (p.role() == Role.CLIENT) {
                regionsWithClients.add(p.placement().region());
            }
        });
        for (Topology.Region r : t.regions()) {
            regions.add(r.name());
            for (Topology.Datacenter d : r.datacenters()) {
                datacenters.add(d.name());
                d.zones().forEach(z -> zones.add(z.name()));
            }
        }
        serfPool = t.totalSerfMembers() > 0;
    }

    /** Every name a place list may hold: nodes, zones, datacenters, regions. */
    Set<String> places() {
        Set<String> all = new TreeSet<>(nodes);
        all.addAll(zones);
        all.addAll(datacenters);
        all.addAll(regions);
        return all;
    }

    boolean isServer(String name) {
        return serverNames.contains(name);
    }

    Set<String> regions() {
        return regions;
    }

    Target read(YamlNode node) {
        return parse(node, YamlMap.asString(node, FORMS));
    }

    private Target parse(YamlNode node, String t) {
        if (t.startsWith("random:")) {
            return new Target.Random(parse(node, t.substring(7)));
        }
        switch (t) {
            case "leader":
                return new Target.Leader(servers(node, null, t));
            case "follower":
                return new Target.Follower(servers(node, null, t));
            case "zone-of-leader":
            case "zone:leader":
                return new Target.ZoneOf(new Target.Leader(servers(node, null, t)));
            case "zone-of-follower":
            case "zone:follower":
                return new Target.ZoneOf(new Target.Follower(servers(node, null, t)));
            case "servers":
                return new Target.Servers(servers(node, null, t));
            case "clients":
                return new Target.Clients(clients(node, null));
            default:
                break;
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String kind = t.substring(0, colon);
            String name = t.substring(colon + 1);
            switch (kind) {
                case "leader":
                    return new Target.Leader(servers(node, name, t));
                case "follower":
                    return new Target.Follower(servers(node, name, t));
                case "servers":
                    return new Target.Servers(servers(node, name, t));
                case "clients":
                    return new Target.Clients(clients(node, name));
                case "zone":
                    return new Target.Zone(known(node, zones, name, "zone"));
                case "datacenter":
                    return new Target.Datacenter(known(node, datacenters, name, "datacenter"));
                case "region":
                    return new Target.Region(known(node, regions, name, "region"));
                default:
                    throw InputError.at(node, "unknown target '" + t + "'; expected " + FORMS);
            }
        }
        if (!nodes.contains(t)) {
            throw InputError.at(node, "unknown target '" + t + "'; expected " + FORMS + ". Nodes: " + abbreviate(nodes));
        }
        return new Target.Node(t);
    }

    /** Refuses {@code what} in a scenario without servers. */
    void requireServers(YamlNode node, String what) {
        servers(node, null, what);
    }

    /** A role target needs servers: a Serf pool has no leader, no followers and no servers. */
    private String servers(YamlNode node, String region, String t) {
        if (serfPool || serverNames.isEmpty()) {
            throw InputError.at(node, "'" + t + "' names servers, but this scenario has none (a Serf pool has no leader); "
                    + "name a member, zone:NAME or random:zone:NAME instead");
        }
        return region == null ? null : known(node, regions, region, "region");
    }

    private String clients(YamlNode node, String region) {
        if (region != null) {
            known(node, regions, region, "region");
        }
        if (region == null ? regionsWithClients.isEmpty() : !regionsWithClients.contains(region)) {
            throw InputError.at(node, "this scenario has no clients" + (region == null ? "" : " in region '" + region + "'"));
        }
        return region;
    }

    private static String known(YamlNode node, Set<String> names, String name, String kind) {
        if (!names.contains(name)) {
            throw InputError.at(node, "unknown " + kind + " '" + name + "'; expected one of: " + abbreviate(names));
        }
        return name;
    }

    static String abbreviate(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 8 ? String.join(", ", l) : String.join(", ", l.subList(0, 8)) + ", ...";
    }
}
