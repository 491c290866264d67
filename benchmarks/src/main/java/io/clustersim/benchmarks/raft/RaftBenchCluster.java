package io.clustersim.benchmarks.raft;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.network.LinkProfile;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.harness.RaftClusterHarness;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment both Raft benchmarks run: {@code servers} voters named {@code s1..sN} placed
 * round-robin over three availability zones of one datacenter ({@code s1} in az1, {@code s2} in az2,
 * {@code s3} in az3, {@code s4} in az1, ...), and {@code clients} clients {@code c1..cM} placed the
 * same way, each writing {@code writesPerSecond} on average (Poisson, open loop).
 *
 * <ul>
 *   <li>Raft: {@link RaftConfig#hashicorp()} (HT 1s, ET 1s, lease 500ms, commit timeout 50ms, pre-vote).
 *   <li>Network, one way: same AZ lognormal median 0.25ms p99 1ms; across AZs median 1ms p99 3ms;
 *       across regions (unused here) normal 70ms ± 5ms; no loss, no bandwidth limit.
 *   <li>Disk: fsync lognormal median 1ms p99 5ms, 3000 IOPS.
 * </ul>
 *
 * These are the scenario loader's defaults, repeated here so the benchmarks do not depend on the
 * scenarios module.
 */
final class RaftBenchCluster {
    static final long MS = 1_000_000L;

    /** Three AZs of one datacenter; nodes are placed on them round-robin. */
    static final List<Placement> ZONES = List.of(
            new Placement("global", "dc1", "az1"),
            new Placement("global", "dc1", "az2"),
            new Placement("global", "dc1", "az3"));

    private RaftBenchCluster() {
    }

    static NetworkConfig network() {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        m.put(LinkClass.SAME_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(0.25 * MS, 1 * MS)));
        m.put(LinkClass.CROSS_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(1 * MS, 3 * MS)));
        m.put(LinkClass.CROSS_REGION, LinkProfile.of(new Distribution.Normal(70 * MS, 5 * MS)));
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    static DiskConfig disk() {
        return new DiskConfig(Distribution.LogNormal.ofMedianAndP99(1 * MS, 5 * MS), 3000);
    }

    /** A new world of {@code seed} with the cluster built and started at time 0. */
    static RaftClusterHarness start(long seed, int servers, int clients, double writesPerSecond) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be >= 1, got " + servers);
        }
        World world = new World(seed, network());
        RaftClusterHarness.Builder b = RaftClusterHarness.builder(world).config(RaftConfig.hashicorp()).disk(disk());
        for (int i = 0; i < servers; i++) {
            b.server("s" + (i + 1), ZONES.get(i % ZONES.size()));
        }
        for (int i = 0; i < clients; i++) {
            b.client("c" + (i + 1), ZONES.get(i % ZONES.size()), writesPerSecond);
        }
        return b.build();
    }
}
