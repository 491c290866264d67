package io.clustersim.scenarios.schema;

import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.time.Durations;
import io.clustersim.model.client.ClientSettings;
import io.clustersim.model.client.Fingerprint;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.server.heartbeat.HeartbeatSettings;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.TaskGroup;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.model.topology.Topology;
import io.clustersim.model.workload.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settings that work but go against Nomad's advice (nomad docs: deploy/clusters requirements and
 * reference architecture; configuration/server.mdx), as warnings printed before the run.
 */
final class Advice {
    private Advice() {}

    /** Nomad's requirements.mdx: servers of a region want under 10 ms between them. */
    static final double MAX_SERVER_LATENCY_MS = 10;

    static List<String> warnings(Topology topology, NetworkConfig network, NomadServerConfig nomad, ClientSettings clients,
            List<JobSpec> jobs) {
        List<String> out = new ArrayList<>();
        Map<String, List<AgentPlacement>> byRegion = new TreeMap<>();
        for (AgentPlacement p : topology.placements()) {
            if (p.role() == Role.SERVER) {
                byRegion.computeIfAbsent(p.placement().region(), r -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, List<AgentPlacement>> e : byRegion.entrySet()) {
            String region = e.getKey();
            int n = e.getValue().size();
            if (nomad.bootstrapExpect() > n) {
                out.add("nomad.bootstrapExpect " + nomad.bootstrapExpect() + " is more than region " + region + "'s " + n
                        + " servers: it will never bootstrap, so it never elects a leader");
            }
            if (n == 1) {
                out.add("region " + region + " has one server: it tolerates no failure (Nomad advises 3 or 5)");
            } else if (n % 2 == 0) {
                out.add("region " + region + " has " + n + " servers: an even count tolerates no more failures than "
                        + (n - 1) + " (Nomad advises 3 or 5)");
            } else if (n > 7) {
                out.add("region " + region + " has " + n + " servers: more than 7 slows every commit (Nomad advises 3 or 5)");
            }
            TreeSet<String> zones = new TreeSet<>();
            e.getValue().forEach(p -> zones.add(p.placement().zone()));
            if (n > 1 && zones.size() == 1) {
                out.add("region " + region + " has all its servers in zone " + zones.first()
                        + ": losing that zone loses the region (Nomad spreads servers over zones)");
            }
            serverLatency(region, e.getValue(), network, out);
        }
        clientWarnings(topology, nomad, out);
        jobWarnings(topology, clients, jobs, out);
        return out;
    }

    /** The slowest link between two servers of the region, by its mean latency, if above 10 ms. */
    private static void serverLatency(String region, List<AgentPlacement> servers, NetworkConfig network, List<String> out) {
        double worst = 0;
        String between = null;
        for (int i = 0; i < servers.size(); i++) {
            for (int j = i + 1; j < servers.size(); j++) {
                AgentPlacement a = servers.get(i);
                AgentPlacement b = servers.get(j);
                double ms = network.linkBetween(a.name(), a.placement(), b.name(), b.placement()).latencyNanos().mean() / 1e6;
                if (ms > worst) {
                    worst = ms;
                    between = a.name() + " and " + b.name();
                }
            }
        }
        if (worst > MAX_SERVER_LATENCY_MS) {
            out.add(String.format(java.util.Locale.ROOT, "region %s: servers %s are %.1f ms apart on average, above the 10 ms "
                    + "Nomad asks for between the servers of a region: every commit waits on it", region, between, worst));
        }
    }

    /**
     * Nomad's docs ("Client Heartbeats", configuration/server.mdx): beyond about 5,000 clients the
     * TTLs outgrow a 5 minute failover TTL, and they suggest failover TTL = 2 N / rate + 10 min TTL.
     */
    private static void clientWarnings(Topology topology, NomadServerConfig nomad, List<String> out) {
        HeartbeatSettings h = nomad.heartbeat();
        Map<String, Integer> clientsByRegion = new TreeMap<>();
        for (AgentPlacement p : topology.placements()) {
            if (p.role() == Role.CLIENT || p.role() == Role.SERVER && topology.serversRunClients(p.placement().zone())) {
                clientsByRegion.merge(p.placement().region(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : clientsByRegion.entrySet()) {
            int n = e.getValue();
            double suggested = 2.0 * n / h.maxHeartbeatsPerSecond() + 10 * h.minHeartbeatTtl().toNanos() / 1e9;
            double maxTtl = 2 * Math.max(h.minHeartbeatTtl().toNanos() / 1e9, n / h.maxHeartbeatsPerSecond());
            if (h.failoverHeartbeatTtl().toNanos() / 1e9 < maxTtl) {
                out.add(String.format(java.util.Locale.ROOT, "region %s has %d clients: their TTLs reach %.0f s, longer than "
                        + "heartbeat.failoverHeartbeatTtl (%s), so a leader change can mark nodes down that did nothing wrong "
                        + "(Nomad's docs suggest %.0f s)", e.getKey(), n, maxTtl, Durations.format(h.failoverHeartbeatTtl().toNanos()),
                        suggested));
            }
        }
        if (h.heartbeatGrace().isZero()) {
            out.add("heartbeat.heartbeatGrace is 0: a heartbeat that arrives late by a network delay marks its node down");
        }
    }

    /** A group no client can ever take (too large, or a constraint no fingerprint meets) stays unplaced. */
    private static void jobWarnings(Topology topology, ClientSettings clients, List<JobSpec> jobs, List<String> out) {
        java.util.Set<String> zonesWithClients = new TreeSet<>();
        for (AgentPlacement p : topology.placements()) {
            if (p.role() == Role.CLIENT || p.role() == Role.SERVER && topology.serversRunClients(p.placement().zone())) {
                zonesWithClients.add(p.placement().zone());
            }
        }
        for (JobSpec j : jobs) {
            for (TaskGroup g : j.job().groups()) {
                boolean fits = false;
                for (String zone : zonesWithClients) {
                    Fingerprint f = clients.fingerprintIn(zone);
                    Node probe = f.node("probe", new io.clustersim.kernel.network.Placement(j.job().region(), "", zone), 0);
                    fits |= g.cpuMhz() <= f.cpuMhz() && g.memoryMb() <= f.memoryMb() && g.feasibleOn(probe);
                }
                if (!fits && !zonesWithClients.isEmpty()) {
                    out.add("job " + j.job().id() + " group " + g.name() + " fits no client (CPU, memory or constraints): "
                            + "its allocations will stay unplaced");
                }
            }
        }
    }
}
