package io.clustersim.scenarios.schema;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Trigger;
import io.clustersim.gossip.message.GossipMessageKinds;
import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.kernel.random.Distribution;
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
 * Reads the {@code failures:} list. Each entry has one trigger, names exactly one action and may
 * be undone after {@code for}:
 * <pre>
 *   - { at: 2m, crash: leader, for: 30s }         # machine crash: unsynced writes lost
 *   - { within: [5m, 10m], kill: random:servers }  # kill -9: the OS finishes its writes
 *   - { when: firstElection, delay: 5s, crash: zone-of-leader, for: 10m }
 *   - { when: { committed: 500 }, pause: follower, for: 10s }
 *   - { at: 1m, after: { exponential: { mean: 10m } }, isolate: "zone:us-east-1a", for: 1m }
 *   - { at: 3m, partition: [[us-east-1a], [us-east-1b, us-east-1c]], for: 1m }
 *   - { at: 3m, partition: { groups: [[server-1], [server-2]], oneWay: true }, for: 1m }
 *   - { at: 4m, heal: all }
 *   - { at: 4m, degrade: { links: crossRegion, latency: 40ms, jitter: 10ms, loss: 0.01 }, for: 10m }
 *   - { at: 4m, degrade: { between: [us-east-1a, us-east-1b], latency: 5ms }, for: 10m }
 *   - { at: 4m, dropMessages: { kind: AppendEntries:entries, from: server-1, to: [server-4] }, for: 10s }
 *   - { at: 5m, delayMessages: { kind: RequestVote, by: 50ms }, for: 10s }
 *   - { at: 5m, slowProcessing: { target: server-2, by: 200ms }, for: 1m }
 *   - { at: 5m, slowDisk: { target: leader, fsyncFactor: 10, addedFsync: 20ms, iops: 100 }, for: 5m }
 *   - { at: 5m, stallDisk: leader, for: 30s }
 *   - { at: 5m, rollingRestart: { region: us-east, pause: 1m, down: 20s, graceful: true } }
 *   - { at: 0s, randomFailures: { of: servers, scope: zone, timeToFailure: { exponential: { mean: 30d } },
 *                                 timeToRepair: { weibull: { shape: 1.5, scale: 2h } }, maxConcurrent: 1 } }
 * </pre>
 * Stop, interrupt, restart and forceLeave take a target as before.
 */
final class FailuresReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> CONDITION_KEYS = List.of("committed", "leader", "firstElection");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> DEGRADE_KEYS = List.of("links", "between", "latency", "jitter", "loss", "duplication");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> SLOW_PROCESSING_KEYS = List.of("target", "by");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> SLOW_DISK_KEYS = List.of("target", "fsyncFactor", "addedFsync", "iops");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> ROLLING_RESTART_KEYS = List.of("region", "pause", "down", "graceful");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> DELAY_MESSAGES_KEYS = List.of("kind", "from", "to", "by");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> DROP_MESSAGES_KEYS = List.of("kind", "from", "to");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> PARTITION_KEYS = List.of("groups", "oneWay");
    /** The action keys, one of which every entry names. */
    static final List<String> ACTIONS = List.of("crash", "kill", "restart", "pause", "stop", "interrupt", "forceLeave",
            "isolate", "partition", "heal", "degrade", "dropMessages", "delayMessages", "slowProcessing", "slowDisk",
            "stallDisk", "rollingRestart", "randomFailures");
    /** The trigger and duration keys an entry may carry besides its action. */
    static final List<String> TRIGGER_KEYS = List.of("at", "within", "after", "when", "delay", "for");
    /** The link classes a degradation may name. */
    static final List<String> LINK_CLASSES = List.of("sameZone", "crossZone", "crossRegion");

    private FailuresReader() {}

    static List<ScheduledFault> read(List<YamlNode> entries, Topology topology, long durationNanos) {
        FaultTargets targets = new FaultTargets(topology);
        List<String> allowed = new ArrayList<>(TRIGGER_KEYS);
        allowed.addAll(ACTIONS);
        List<ScheduledFault> out = new ArrayList<>();
        for (YamlNode e : entries) {
            YamlMap m = YamlMap.of(e, "a failure such as { at: 2m, crash: leader, for: 30s }").allowOnly(allowed.toArray(String[]::new));
            Trigger trigger = trigger(e, m, durationNanos);
            long forNanos = m.durationNanos("for", "how long until it is undone", 0);
            List<String> actions = ACTIONS.stream().filter(m::has).toList();
            if (actions.size() != 1) {
                throw InputError.at(e, "expected exactly one of: " + String.join(", ", ACTIONS));
            }
            String action = actions.get(0);
            YamlNode body = m.require(action, "the target");
            Fault fault = fault(action, body, targets);
            if (!fault.undoable() && forNanos > 0) {
                throw InputError.at(m.require("for", ""), "a " + action + " cannot be undone; drop 'for'");
            }
            out.add(new ScheduledFault(trigger, fault, forNanos));
        }
        return out;
    }

    private static Trigger trigger(YamlNode e, YamlMap m, long durationNanos) {
        List<String> kinds = List.of("at", "within", "when").stream().filter(m::has).toList();
        if (kinds.size() != 1 && !(kinds.isEmpty() && m.has("after"))) {
            throw InputError.at(e, "expected exactly one trigger: at (a time), within ([from, to]) or when (a condition)");
        }
        if (m.has("delay") && !m.has("when")) {
            throw InputError.at(m.require("delay", ""), "delay goes with when; use at for a fixed time");
        }
        if (m.has("after") && (m.has("within") || m.has("when"))) {
            throw InputError.at(m.require("after", ""), "after adds a drawn delay to at; it does not go with within or when");
        }
        if (m.has("when")) {
            return new Trigger.When(condition(m.require("when", "")), m.durationNanos("delay", "how long after the condition", 0));
        }
        if (m.has("within")) {
            YamlNode w = m.require("within", "");
            if (!(w instanceof YamlNode.Sequence s) || s.items().size() != 2) {
                throw InputError.at(w, "expected a window [from, to], e.g. [5m, 10m]");
            }
            long from = YamlMap.asDuration(s.items().get(0), "the window's start");
            long to = YamlMap.asDuration(s.items().get(1), "the window's end");
            if (to < from) {
                throw InputError.at(w, "the window ends before it starts");
            }
            if (to > durationNanos) {
                throw InputError.at(s.items().get(1), "the window ends after the end of the run");
            }
            return new Trigger.Within(from, to);
        }
        long at = m.durationNanos("at", "when the failure happens", 0);
        if (at > durationNanos) {
            throw InputError.at(m.require("at", ""), "the failure is after the end of the run");
        }
        if (m.has("after")) {
            Distribution d = DistributionReader.readDuration(m.require("after", ""));
            return new Trigger.Drawn(at, d);
        }
        return new Trigger.At(at);
    }

    private static Trigger.Condition condition(YamlNode node) {
        if (node instanceof YamlNode.Scalar) {
            String c = YamlMap.asString(node, "a condition");
            if (c.equals("firstElection")) {
                return new Trigger.Condition.FirstElection(null);
            }
            throw InputError.at(node, "unknown condition '" + c + "'; expected firstElection, { committed: N } or { leader: NODE }");
        }
        YamlMap m = YamlMap.of(node, "a condition: firstElection, { committed: N } or { leader: NODE }")
                .allowOnly(CONDITION_KEYS);
        if (m.keys().size() != 1) {
            throw InputError.at(node, "expected one condition: firstElection, committed or leader");
        }
        if (m.has("committed")) {
            return new Trigger.Condition.Committed(m.integer("committed", "a number of entries", 0, 1, Long.MAX_VALUE));
        }
        if (m.has("leader")) {
            return new Trigger.Condition.LeaderIs(m.string("leader", "a server's name"));
        }
        return new Trigger.Condition.FirstElection(m.string("firstElection", "a region"));
    }

    private static Fault fault(String action, YamlNode body, FaultTargets targets) {
        return switch (action) {
            case "crash" -> new Fault.Crash(targets.read(body));
            case "kill" -> new Fault.Kill(targets.read(body));
            case "restart" -> new Fault.Restart(targets.read(body));
            case "pause" -> new Fault.Pause(targets.read(body));
            case "stop" -> new Fault.Stop(targets.read(body), StopSignal.TERMINATE);
            case "interrupt" -> new Fault.Stop(targets.read(body), StopSignal.INTERRUPT);
            case "forceLeave" -> new Fault.ForceLeave(server(body, targets));
            case "isolate" -> new Fault.Isolate(targets.read(body));
            case "heal" -> heal(body);
            case "degrade" -> degrade(body, targets.places());
            case "dropMessages" -> messages(body, targets.places(), false);
            case "delayMessages" -> messages(body, targets.places(), true);
            case "slowProcessing" -> slowProcessing(body, targets);
            case "slowDisk" -> slowDisk(body, targets);
            case "stallDisk" -> new Fault.StallDisk(targets.read(body));
            case "rollingRestart" -> rollingRestart(body, targets);
            case "randomFailures" -> FailureProcessReader.read(body, targets);
            default -> partition(body, targets.places());
        };
    }

    private static Fault heal(YamlNode body) {
        String what = YamlMap.asString(body, "all");
        if (!what.equals("all")) {
            throw InputError.at(body, "expected heal: all (every partition, isolation, degradation and message fault ends)");
        }
        return new Fault.Heal();
    }

    private static String server(YamlNode node, FaultTargets targets) {
        String name = YamlMap.asString(node, "a server's name");
        if (!targets.isServer(name)) {
            throw InputError.at(node, "expected a server's name for forceLeave, got '" + name + "'");
        }
        return name;
    }

    private static Fault degrade(YamlNode node, Set<String> places) {
        YamlMap m = YamlMap.of(node, "a degradation such as { links: crossZone, latency: 20ms, jitter: 5ms, loss: 0.01 }")
                .allowOnly(DEGRADE_KEYS);
        Fault.Links links;
        if (m.has("links") == m.has("between")) {
            throw InputError.at(node, "expected either links (" + String.join(", ", LINK_CLASSES) + ") or between: [A, B]");
        }
        if (m.has("links")) {
            String c = m.string("links", "a link class");
            int i = LINK_CLASSES.indexOf(c);
            if (i < 0) {
                throw InputError.at(m.require("links", ""), "unknown link class '" + c + "'; expected one of: "
                        + String.join(", ", LINK_CLASSES));
            }
            links = new Fault.Links.OfClass(LinkClass.values()[i]);
        } else {
            YamlNode b = m.require("between", "");
            if (!(b instanceof YamlNode.Sequence s) || s.items().size() != 2) {
                throw InputError.at(b, "expected two places or lists of places, e.g. [us-east-1a, us-east-1b]");
            }
            links = new Fault.Links.Between(places(s.items().get(0), places), places(s.items().get(1), places));
        }
        long latency = m.durationNanos("latency", "the added latency", 0);
        long jitter = m.durationNanos("jitter", "the added jitter", 0);
        double loss = m.number("loss", "a loss probability", 0, 0, 1);
        double duplication = m.number("duplication", "a duplication probability", 0, 0, 1);
        if (latency == 0 && jitter == 0 && loss == 0 && duplication == 0) {
            throw InputError.at(node, "a degradation needs at least one of latency, jitter, loss or duplication");
        }
        return new Fault.Degrade(links, latency, jitter, loss, duplication);
    }

    private static Fault slowProcessing(YamlNode node, FaultTargets targets) {
        YamlMap m = YamlMap.of(node, "{ target: NODE, by: 200ms }").allowOnly(SLOW_PROCESSING_KEYS);
        long by = m.durationNanos("by", "how much later each message is handled, e.g. 200ms");
        if (by <= 0) {
            throw InputError.at(m.require("by", ""), "expected a delay greater than zero");
        }
        return new Fault.SlowProcessing(targets.read(m.require("target", "whose processing is slow")), by);
    }

    private static Fault slowDisk(YamlNode node, FaultTargets targets) {
        YamlMap m = YamlMap.of(node, "{ target: leader, fsyncFactor: 10, addedFsync: 20ms, iops: 100 }")
                .allowOnly(SLOW_DISK_KEYS);
        double factor = m.number("fsyncFactor", "a factor of at least 1", 1, 1, 1e6);
        long added = m.durationNanos("addedFsync", "added fsync latency", 0);
        double iops = m.number("iops", "an IOPS cap", 0, 0.001, 1e9);
        if (factor == 1 && added == 0 && iops == 0) {
            throw InputError.at(node, "a slow disk needs at least one of fsyncFactor, addedFsync or iops");
        }
        return new Fault.SlowDisk(targets.read(m.require("target", "whose disk is slow")), new Disk.Slowdown(factor, added, iops));
    }

    private static Fault rollingRestart(YamlNode node, FaultTargets targets) {
        YamlMap m = YamlMap.of(node, "{ region: us-east, pause: 1m, down: 20s, graceful: true }")
                .allowOnly(ROLLING_RESTART_KEYS);
        String region = m.string("region", "a region", null);
        if (region != null && !targets.regions().contains(region)) {
            throw InputError.at(m.require("region", ""), "unknown region '" + region + "'; expected one of: "
                    + String.join(", ", targets.regions()));
        }
        long down = m.durationNanos("down", "how long each server is down", 10_000_000_000L);
        if (down <= 0) {
            throw InputError.at(m.require("down", ""), "expected a downtime greater than zero");
        }
        targets.requireServers(node, "rollingRestart");
        return new Fault.RollingRestart(region, m.durationNanos("pause", "the pause between servers", 60_000_000_000L), down,
                m.bool("graceful", true));
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
            m.allowOnly(DELAY_MESSAGES_KEYS);
        } else {
            m.allowOnly(DROP_MESSAGES_KEYS);
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
        return new Fault.Messages(kind, m.has("from") ? places(m.require("from", ""), places) : List.of(),
                m.has("to") ? places(m.require("to", ""), places) : List.of(), by);
    }

    /** A place or a list of places (nodes, zones, datacenters, regions). */
    private static List<String> places(YamlNode v, Set<String> places) {
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
        boolean oneWay = false;
        YamlNode groupsNode = node;
        if (node instanceof YamlNode.Mapping) {
            YamlMap m = YamlMap.of(node, "a partition").allowOnly(PARTITION_KEYS);
            groupsNode = m.require("groups", "the groups that cannot talk");
            oneWay = m.bool("oneWay", false);
        }
        if (!(groupsNode instanceof YamlNode.Sequence groups) || groups.items().size() < 2) {
            throw InputError.at(groupsNode, "expected at least two groups, e.g. [[us-east-1a], [us-east-1b, us-east-1c]]");
        }
        if (oneWay && groups.items().size() != 2) {
            throw InputError.at(groupsNode, "a one-way partition has exactly two groups: [from, to]");
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
        return new Fault.Partition(out, oneWay);
    }
}
