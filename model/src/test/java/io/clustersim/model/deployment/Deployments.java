package io.clustersim.model.deployment;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.TargetResolver;
import io.clustersim.gossip.serf.Member;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.network.LinkProfile;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.MetricName;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.server.ServerAgent;
import io.clustersim.model.server.ServerTags;
import io.clustersim.model.topology.Topology;
import io.clustersim.raft.observe.RaftView;
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
        return new NomadDeployment(new NomadDeployment.Spec(t, server, disk(), ProbeConfig.defaults()));
    }

    static World world(long seed) {
        return new World(seed, network());
    }

    /** Deploys on a fresh World and installs {@code faults} (force-leave goes to the operator console). */
    static Run start(long seed, Topology t, NomadServerConfig server, List<ScheduledFault> faults) {
        return start(seed, t, server, ProbeConfig.defaults(), faults);
    }

    static Run start(long seed, Topology t, NomadServerConfig server, ProbeConfig probes, List<ScheduledFault> faults) {
        return start(seed, new NomadDeployment.Spec(t, server, disk(), probes), faults);
    }

    static Run start(long seed, NomadDeployment.Spec spec, List<ScheduledFault> faults) {
        World w = world(seed);
        Running r = new NomadDeployment(spec).deploy(w);
        new FailureInjector(w, TargetResolver.of(w, r.roles()), r.controls(), r.faultListener()).operator(r.operator())
                .install(faults);
        return new Run(w, r);
    }

    static ScheduledFault at(long seconds, Fault fault) {
        return new ScheduledFault(seconds * S, fault, 0);
    }

    static ScheduledFault at(long seconds, Fault fault, long forSeconds) {
        return new ScheduledFault(seconds * S, fault, forSeconds * S);
    }

    /** A deployment running on its World, with the views tests ask for. */
    record Run(World world, Running running) {
        void until(long seconds) {
            world.simulation().runUntil(seconds * S);
        }

        /** Runs until {@code condition} holds, at most until {@code limitSeconds}; returns whether it does. */
        boolean until(java.util.function.BooleanSupplier condition, long limitSeconds) {
            return world.simulation().runUntil(condition, limitSeconds * S);
        }

        double seconds() {
            return world.now() / 1e9;
        }

        ServerAgent agent(String server) {
            return world.node(server).process() instanceof ServerAgent a && world.node(server).isUp() ? a : null;
        }

        RaftView view(String server) {
            ServerAgent a = agent(server);
            return a == null || a.raftServer() == null ? null : a.raftServer().view();
        }

        String leader() {
            List<Node> l = running.roles().leaders(null);
            return l.isEmpty() ? null : l.get(0).name();
        }

        /** The region's level {@code m} (as its leader reports it) at {@code seconds}. */
        double levelAt(MetricName m, String region, double seconds) {
            long t = (long) (seconds * S);
            return world.telemetry().level(m, Labels.of("region", region), 0).meanOver(t, t + 1);
        }

        /** When the region's level {@code m} first took {@code value}, in seconds; NaN if never. */
        double firstAt(MetricName m, String region, double value) {
            Level l = world.telemetry().level(m, Labels.of("region", region), 0);
            long[] times = l.changeTimes();
            double[] values = l.changeValues();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == value) {
                    return times[i] / 1e9;
                }
            }
            return Double.NaN;
        }

        /** Every sample of {@code m}, over every instrument. */
        double[] samples(MetricName m) {
            return world.telemetry().entries(m).stream().flatMapToDouble(e -> java.util.Arrays.stream(e.samples().values()))
                    .toArray();
        }

        /** The time-weighted metric {@code m} over [from, to) seconds, all instruments weighed by what they know. */
        double timeWeighted(MetricName m, long fromSeconds, long toSeconds) {
            double weighted = 0;
            long known = 0;
            for (Telemetry.Entry e : world.telemetry().entries(m)) {
                long k = e.timeWeighted().knownNanos(fromSeconds * S, toSeconds * S);
                if (k > 0) {
                    weighted += e.timeWeighted().meanOver(fromSeconds * S, toSeconds * S) * k;
                    known += k;
                }
            }
            return known == 0 ? Double.NaN : weighted / known;
        }

        /** The counter {@code m} summed over every instrument. */
        long count(MetricName m) {
            long sum = 0;
            for (Telemetry.Entry e : world.telemetry().entries(m)) {
                sum += e.counter().value();
            }
            return sum;
        }

        /** How {@code observer}'s Serf sees {@code member} (a node name), or null if it does not. */
        MemberStatus serfStatus(String observer, String member, String region) {
            ServerAgent a = agent(observer);
            if (a == null || a.serf() == null) {
                return null;
            }
            return a.serf().member(ServerTags.memberName(member, region)).map(Member::status).orElse(null);
        }
    }
}
