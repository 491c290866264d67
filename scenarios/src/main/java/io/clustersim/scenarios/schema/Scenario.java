package io.clustersim.scenarios.schema;

import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.model.topology.Topology;

/**
 * A validated scenario: everything a run needs besides the seed override.
 *
 * @param source the file it was read from, for messages
 */
public record Scenario(
        String name,
        String description,
        long seed,
        long durationNanos,
        Topology topology,
        NetworkConfig network,
        DiskConfig disk,
        Workload workload,
        String source) {

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationNanos, topology, network, disk, workload, source);
    }
}
