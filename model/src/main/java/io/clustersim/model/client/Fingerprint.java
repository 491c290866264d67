package io.clustersim.model.client;

import io.clustersim.kernel.network.Placement;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a client fingerprints and registers (nomad {@code client/fingerprint}): its class, node
 * pool, CPU and memory, and attributes such as {@code gpu}; the datacenter and zone come from
 * where it is placed.
 */
public record Fingerprint(String nodeClass, String nodePool, int cpuMhz, int memoryMb, SortedMap<String, String> attributes) {
    public Fingerprint {
        Objects.requireNonNull(nodeClass, "nodeClass");
        Objects.requireNonNull(nodePool, "nodePool");
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        if (cpuMhz <= 0 || memoryMb <= 0) {
            throw new IllegalArgumentException("a client needs some CPU and memory");
        }
    }

    /** A 4-core, 16 GB general-purpose client in the default pool (an m5.xlarge's size). */
    public static Fingerprint defaults() {
        return new Fingerprint("general", "default", 4 * 2500, 16 * 1024, new TreeMap<>());
    }

    public Node node(String name, Placement place, long nowNanos) {
        return new Node(name, place.datacenter(), place.zone(), nodePool, nodeClass, cpuMhz, memoryMb, attributes,
                NodeStatus.INITIALIZING, nowNanos);
    }
}
