package io.clustersim.scenarios.schema;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.gossip.message.GossipMessageKinds;
import io.clustersim.kernel.network.MessageKinds;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.model.rpc.RpcMessageKinds;
import io.clustersim.model.topology.Topology;
import io.clustersim.raft.message.RaftMessageKinds;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the {@code failures:} list. Each entry fires at {@code at}, names exactly one action and
 * may be undone after {@code for}:
 * <pre>
 *   - { at: 2m, crash: leader, for: 30s }      # leader | follower | a node name | zone:NAME
 *   - { at: 5m, restart: server-2 }
 *   - { at: 1m, pause: server-1, for: 10s }
 *   - { at: 1m, stop: server-2 }                 # SIGTERM: leaves only with nomad.leaveOnTerminate
 *   - { at: 1m, interrupt: server-2 }            # SIGINT: leaves only with nomad.leaveOnInterrupt
 *   - { at: 2m, forceLeave: server-2 }           # nomad server force-leave
 *   - { at: 3m, partition: [[us-east-1a], [us-east-1b, us-east-1c]], for: 1m }
 *   - { at: 4m, dropMessages: { kind: AppendEntries:entries, from: server-1, to: [server-4] }, for: 10s }
 *   - { at: 5m, delayMessages: { kind: RequestVote, by: 50ms }, for: 10s }
 * </pre>
 * New fault kinds are new action keys; the entry's shape stays the same.
 */
final class FailuresReader {
    private static final List<String> ACTIONS = List.of("crash", "restart", "pause", "stop", "interrupt", "forceLeave",
            "partition", "dropMessages", "delayMessages");

    private FailuresReader() {}

    static List<ScheduledFault> read(List<YamlNode> entries, Topology topology, long durationNanos) {
        Names names = Names.of(topology);
        Set<String> places = topology.placeNames();
        List<ScheduledFault> out = new ArrayList<>();
        for (YamlNode e : entries) {
            YamlMap m = YamlMap.of(e, "a failure such as { at: 2m, crash: leader, for: 30s }")
                    .allowOnly("at", "for", "crash", "restart", "pause", "stop", "interrupt", "forceLeave", "partition",
                            "dropMessages", "delayMessages");
            long at = m.durationNanos("at", "when the failure happens");
            long forNanos = m.durationNanos("for", "how long until it is undone", 0);
            if (at > durationNanos) {
                throw InputError.at(m.require("at", ""), "the failure is after the end of the run");
            }
            List<String> actions = ACTIONS.stream().filter(m::has).toList();
            if (actions.size() != 1) {
                throw InputError.at(e, "expected exactly one of: " + String.join(", ", ACTIONS));
            }
            String action = actions.get(0);
            YamlNode body = m.require(action, "the target");
            Fault fault = switch (action) {
                case "crash" -> new Fault.Crash(target(body, names));
                case "restart" -> new Fault.Restart(target(body, names));
                case "pause" -> new Fault.Pause(target(body, names));
                case "stop" -> new Fault.Stop(target(body, names), StopSignal.TERMINATE);
                case "interrupt" -> new Fault.Stop(target(body, names), StopSignal.INTERRUPT);
                case "forceLeave" -> new Fault.ForceLeave(server(body, topology));
                case "dropMessages" -> messages(body, places, false);
                case "delayMessages" -> messages(body, places, true);
                default -> partition(body, places);
            };
            if ((fault instanceof Fault.Restart || fault instanceof Fault.ForceLeave) && forNanos > 0) {
                throw InputError.at(m.require("for", ""), "a " + action + " cannot be undone; drop 'for'");
            }
            out.add(new ScheduledFault(at, fault, forNanos));
        }
        return out;
    }

    /** The names a target may use, by kind. */
    private record Names(Set<String> nodes, Set<String> zones, Set<String> datacenters, Set<String> regions) {
        static Names of(Topology t) {
            Set<String> nodes = new TreeSet<>();
            t.placements().forEach(p -> nodes.add(p.name()));
            Set<String> zones = new TreeSet<>();
            Set<String> dcs = new TreeSet<>();
            Set<String> regions = new TreeSet<>();
            for (Topology.Region r : t.regions()) {
                regions.add(r.name());
                for (Topology.Datacenter d : r.datacenters()) {
                    dcs.add(d.name());
                    d.zones().forEach(z -> zones.add(z.name()));
                }
            }
            return new Names(nodes, zones, dcs, regions);
        }
    }

    private static Target target(YamlNode node, Names names) {
        Set<String> nodes = names.nodes();
        String t = YamlMap.asString(node, "leader, follower, a node name, zone:NAME, zone:leader, zone:follower, "
                + "datacenter:NAME or region:NAME");
        if (t.equals("leader")) {
            return new Target.Leader();
        }
        if (t.equals("follower")) {
            return new Target.Follower();
        }
        if (t.equals("zone:leader")) {
            return new Target.ZoneOf(new Target.Leader());
        }
        if (t.equals("zone:follower")) {
            return new Target.ZoneOf(new Target.Follower());
        }
        if (t.startsWith("zone:")) {
            String zone = t.substring(5);
            if (!names.zones().contains(zone)) {
                throw InputError.at(node, "unknown zone '" + zone + "'");
            }
            return new Target.Zone(zone);
        }
        if (t.startsWith("region:")) {
            String region = t.substring(7);
            if (!names.regions().contains(region)) {
                throw InputError.at(node, "unknown region '" + region + "'");
            }
            return new Target.Region(region);
        }
        if (t.startsWith("datacenter:")) {
            String dc = t.substring(11);
            if (!names.datacenters().contains(dc)) {
                throw InputError.at(node, "unknown datacenter '" + dc + "'");
            }
            return new Target.Datacenter(dc);
        }
        if (!nodes.contains(t)) {
            throw InputError.at(node, "unknown target '" + t + "'; expected leader, follower, zone:NAME or a node: "
                    + abbreviate(nodes));
        }
        return new Target.Node(t);
    }

    private static String server(YamlNode node, Topology topology) {
        String name = YamlMap.asString(node, "a server's name");
        boolean isServer = topology.placements().stream()
                .anyMatch(p -> p.name().equals(name) && p.role() == io.clustersim.model.topology.Role.SERVER);
        if (!isServer) {
            throw InputError.at(node, "expected a server's name for forceLeave, got '" + name + "'");
        }
        return name;
    }

    /** The kinds a message fault may name: every protocol's message types and their finer kinds. */
    static SortedSet<String> messageKinds() {
        SortedSet<String> k = new TreeSet<>(RaftMessageKinds.all());
        k.addAll(GossipMessageKinds.all());
        k.addAll(RpcMessageKinds.all());
        return k;
    }

    private static Fault messages(YamlNode node, Set<String> places, boolean delay) {
        YamlMap m = YamlMap.of(node, "messages to " + (delay ? "delay" : "drop")
                + ", such as { kind: AppendEntries:entries, from: [server-1], to: [server-4]" + (delay ? ", by: 50ms }" : " }"));
        if (delay) {
            m.allowOnly("kind", "from", "to", "by");
        } else {
            m.allowOnly("kind", "from", "to");
        }
        String kind = m.string("kind", "a message kind, e.g. AppendEntries or RequestVote");
        SortedSet<String> kinds = messageKinds();
        if (!kinds.contains(kind)) {
            throw InputError.at(m.require("kind", ""), "unknown message kind '" + kind + "'; expected one of: "
                    + String.join(", ", kinds));
        }
        long by = 0;
        if (delay) {
            by = m.durationNanos("by", "how much later the messages arrive, e.g. 50ms");
            if (by <= 0) {
                throw InputError.at(m.require("by", ""), "expected a delay greater than zero");
            }
        }
        return new Fault.Messages(kind, placeList(m, "from", places), placeList(m, "to", places), by);
    }

    /** A place or a list of places (nodes, zones, datacenters, regions); absent means every node. */
    private static List<String> placeList(YamlMap m, String key, Set<String> places) {
        if (!m.has(key)) {
            return List.of();
        }
        YamlNode v = m.require(key, "");
        List<YamlNode> items = v instanceof YamlNode.Sequence s ? s.items() : List.of(v);
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String place = YamlMap.asString(item, "a node, zone, datacenter or region name");
            if (!places.contains(place)) {
                throw InputError.at(item, "unknown node, zone, datacenter or region '" + place + "'");
            }
            out.add(place);
        }
        return out;
    }

    private static Fault partition(YamlNode node, Set<String> places) {
        if (!(node instanceof YamlNode.Sequence groups) || groups.items().size() < 2) {
            throw InputError.at(node, "expected at least two groups, e.g. [[us-east-1a], [us-east-1b, us-east-1c]]");
        }
        List<List<String>> out = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (YamlNode g : groups.items()) {
            if (!(g instanceof YamlNode.Sequence group) || group.items().isEmpty()) {
                throw InputError.at(g, "expected a non-empty list of zones, datacenters, regions or nodes");
            }
            List<String> names = new ArrayList<>();
            for (YamlNode n : group.items()) {
                String place = YamlMap.asString(n, "a zone, datacenter, region or node name");
                if (!places.contains(place)) {
                    throw InputError.at(n, "unknown zone, datacenter, region or node '" + place + "'");
                }
                if (!seen.add(place)) {
                    throw InputError.at(n, "'" + place + "' is in two groups");
                }
                names.add(place);
            }
            out.add(names);
        }
        return new Fault.Partition(out);
    }

    private static String abbreviate(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 8 ? String.join(", ", l) : String.join(", ", l.subList(0, 8)) + ", ...";
    }
}
