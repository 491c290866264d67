package io.clustersim.scenarios.schema;

import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.client.ClientSettings;
import io.clustersim.model.client.Fingerprint;
import io.clustersim.model.server.heartbeat.HeartbeatSettings;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the {@code clients:} section (every client's fingerprint, a zone's own, the agent's
 * start-up) and the {@code heartbeat:} section (the servers' heartbeat and node GC settings):
 * <pre>
 *   clients:
 *     cpu: 10000              # MHz (default 10000: 4 cores of 2.5 GHz)
 *     memory: 16GB            # default 16 GB
 *     nodeClass: general
 *     nodePool: default
 *     attributes: { gpu: "false" }
 *     agentStartup: { uniform: [1s, 3s] }
 *     zones:
 *       us-east-1a: { cpu: 20000, attributes: { gpu: "true" } }
 *   heartbeat:
 *     minHeartbeatTtl: 10s
 *     maxHeartbeatsPerSecond: 50
 *     heartbeatGrace: 10s
 *     failoverHeartbeatTtl: 5m
 *     nodeGcThreshold: 24h
 * </pre>
 */
final class ClientsReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> CLIENT_KEYS = List.of("cpu", "memory", "nodeClass", "nodePool", "attributes", "agentStartup", "zones");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> ZONE_FINGERPRINT_KEYS = List.of("cpu", "memory", "nodeClass", "nodePool", "attributes");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> HEARTBEAT_KEYS = List.of("minHeartbeatTtl", "maxHeartbeatsPerSecond", "heartbeatGrace", "failoverHeartbeatTtl", "nodeGcThreshold");
    private ClientsReader() {}

    static ClientSettings clients(YamlNode node, Set<String> zones, Distribution defaultStartup) {
        YamlMap m = YamlMap.of(node, "client settings").allowOnly(CLIENT_KEYS);
        Fingerprint base = fingerprint(m, Fingerprint.defaults());
        Map<String, Fingerprint> byZone = new TreeMap<>();
        if (m.has("zones")) {
            YamlMap zm = YamlMap.of(m.require("zones", ""), "fingerprints by zone");
            for (var e : zm.node().entries().entrySet()) {
                if (!zones.contains(e.getKey())) {
                    throw InputError.at(e.getValue(), "unknown zone '" + e.getKey() + "'; zones are " + zones);
                }
                YamlMap z = YamlMap.of(e.getValue(), "a zone's client fingerprint").allowOnly(ZONE_FINGERPRINT_KEYS);
                byZone.put(e.getKey(), fingerprint(z, base));
            }
        }
        Distribution startup = m.get("agentStartup").map(DistributionReader::readDuration).orElse(defaultStartup);
        return new ClientSettings(base, byZone, startup);
    }

    private static Fingerprint fingerprint(YamlMap m, Fingerprint d) {
        int cpu = (int) m.integer("cpu", "the client's CPU in MHz", d.cpuMhz(), 1, 10_000_000);
        long memory = m.get("memory").map(v -> Sizes.bytes(v, "a memory size such as 16GB")).orElse(d.memoryMb() * 1_000_000L);
        if (memory < 1_000_000) {
            throw InputError.at(m.require("memory", ""), "expected at least 1MB of memory");
        }
        SortedMap<String, String> attributes = new TreeMap<>(d.attributes());
        if (m.has("attributes")) {
            YamlMap am = YamlMap.of(m.require("attributes", ""), "attributes such as { gpu: \"true\" }");
            for (var e : am.node().entries().entrySet()) {
                attributes.put(e.getKey(), YamlMap.asString(e.getValue(), "an attribute value"));
            }
        }
        return new Fingerprint(m.string("nodeClass", "the node class", d.nodeClass()),
                m.string("nodePool", "the node pool", d.nodePool()), cpu, (int) (memory / 1_000_000), attributes);
    }

    static HeartbeatSettings heartbeat(YamlNode node) {
        HeartbeatSettings d = HeartbeatSettings.defaults();
        YamlMap m = YamlMap.of(node, "heartbeat settings").allowOnly(HEARTBEAT_KEYS);
        long min = m.durationNanos("minHeartbeatTtl", "the shortest TTL", d.minHeartbeatTtl().toNanos());
        if (min <= 0) {
            throw InputError.at(m.require("minHeartbeatTtl", ""), "expected minHeartbeatTtl greater than zero");
        }
        double rate = m.number("maxHeartbeatsPerSecond", "heartbeats per second", d.maxHeartbeatsPerSecond(), 0, 1e9);
        if (rate <= 0) {
            throw InputError.at(m.require("maxHeartbeatsPerSecond", ""), "expected maxHeartbeatsPerSecond greater than zero: "
                    + "the leader scales every TTL to keep heartbeats under this rate, so 0 cannot be met");
        }
        long grace = m.durationNanos("heartbeatGrace", "the grace after a TTL", d.heartbeatGrace().toNanos());
        long failover = m.durationNanos("failoverHeartbeatTtl", "the TTL after a leader change",
                d.failoverHeartbeatTtl().toNanos());
        if (failover <= 0) {
            throw InputError.at(m.require("failoverHeartbeatTtl", ""), "expected failoverHeartbeatTtl greater than zero");
        }
        long gc = m.durationNanos("nodeGcThreshold", "how long down nodes are kept", d.nodeGcThreshold().toNanos());
        return new HeartbeatSettings(Duration.ofNanos(min), rate, Duration.ofNanos(grace), Duration.ofNanos(failover),
                Duration.ofNanos(gc), d.nodeGcInterval());
    }
}
