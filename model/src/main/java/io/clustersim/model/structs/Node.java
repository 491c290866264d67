package io.clustersim.model.structs;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A client node as the servers know it (nomad {@code structs.Node}): its fingerprint, where it
 * is, and its status with the time of the last status change.
 *
 * @param name the client's node name (the simulated node's name)
 * @param attributes fingerprinted attributes such as {@code gpu}
 * @param statusUpdatedAtNanos when the status last changed (virtual time), which node GC reads
 */
public record Node(String name, String datacenter, String zone, String nodePool, String nodeClass, int cpuMhz,
        int memoryMb, SortedMap<String, String> attributes, NodeStatus status, long statusUpdatedAtNanos) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(nodePool, "nodePool");
        Objects.requireNonNull(nodeClass, "nodeClass");
        Objects.requireNonNull(status, "status");
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    public Node withStatus(NodeStatus s, long atNanos) {
        return new Node(name, datacenter, zone, nodePool, nodeClass, cpuMhz, memoryMb, attributes, s, atNanos);
    }

    /** A fingerprint attribute, or one of the node's own: node.class, node.pool, node.datacenter, node.zone. */
    public String attribute(String key) {
        return switch (key) {
            case "node.class" -> nodeClass;
            case "node.pool" -> nodePool;
            case "node.datacenter" -> datacenter;
            case "node.zone" -> zone;
            default -> attributes.get(key);
        };
    }

    /** The encoded size: fields, attributes and the driver and device fingerprints we do not model. */
    public int sizeBytes() {
        int n = 1024;
        for (var e : attributes.entrySet()) {
            n += e.getKey().length() + e.getValue().length() + 8;
        }
        return n;
    }
}
