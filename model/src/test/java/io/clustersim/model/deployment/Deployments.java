package io.clustersim.model.deployment;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.network.LinkProfile;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small Nomad deployments for tests: regions of zones with one server each. */
final class Deployments {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    private Deployments() {}

    static NetworkConfig network() {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        m.put(LinkClass.SAME_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(250_000, 1_000_000)));
        m.put(LinkClass.CROSS_ZONE, LinkProfile.of(Distribution.LogNormal.ofMedianAndP99(1_000_000, 3_000_000)));
        m.put(LinkClass.CROSS_REGION, LinkProfile.of(new Distribution.Normal(70 * MS, 5 * MS)));
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    static DiskConfig disk() {
        return new DiskConfig(Distribution.LogNormal.ofMedianAndP99(MS, 5 * MS), 3000);
    }

    /** Regions r1.., each with {@code zones} zones z<region>-1.. holding {@code serversPerZone} servers. */
    static Topology topology(int regions, int zones, int serversPerZone, int clientsPerZone) {
        List<Topology.Region> rs = new ArrayList<>();
        for (int r = 1; r <= regions; r++) {
            List<Topology.Zone> zs = new ArrayList<>();
            for (int z = 1; z <= zones; z++) {
                zs.add(new Topology.Zone("r" + r + "-z" + z, serversPerZone, clientsPerZone));
            }
            rs.add(new Topology.Region("r" + r, List.of(new Topology.Datacenter("r" + r + "-dc", zs))));
        }
        return new Topology(rs);
    }

    static NomadDeployment nomad(Topology t, NomadServerConfig server) {
        return new NomadDeployment(new NomadDeployment.Spec(t, server, disk(), ProbeConfig.defaults(), S));
    }

    static World world(long seed) {
        return new World(seed, network());
    }
}
