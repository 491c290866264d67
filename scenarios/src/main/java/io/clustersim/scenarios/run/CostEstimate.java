package io.clustersim.scenarios.run;

import io.clustersim.model.client.ClientTimings;
import io.clustersim.model.server.heartbeat.HeartbeatSettings;
import io.clustersim.model.server.heartbeat.HeartbeatTtl;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.scenarios.schema.Scenario;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rough estimate of a run's size from the shape of its deployment, good to a factor of two:
 * enough to say before a long run that it is one, and to decide whether to show its progress.
 *
 * <ul>
 *   <li>Each server (and Serf member): its Raft AppendEntries and heartbeats and its gossip, about
 *       45 events a second; each probe call about 7.
 *   <li>Each region's clients: their heartbeats, which the leader's TTLs keep near
 *       max_heartbeats_per_second whatever the fleet's size (a TTL of RateScaledInterval plus a
 *       stagger of up to as much, so 1.5 times it on average), about 4.6 events each with the
 *       forwarding to the leader; and every client's blocking allocation query, answered after its
 *       five-minute wait, 2 events.
 *   <li>Wall time at speeds measured on a slow hour of a 2-core machine: server events run at about
 *       1.5 M a second, client events, each touching state of one of thousands of clients, at about
 *       0.3 M; and a fleet's start (registration, first placement, first queries) costs about half a
 *       millisecond per client.
 * </ul>
 *
 * @param events the run's expected events
 * @param wallSeconds its expected wall time on one core
 */
public record CostEstimate(long events, double wallSeconds) {
    static final double SERVER_EVENTS_PER_SECOND = 45;
    static final double EVENTS_PER_PROBE_CALL = 7;
    static final double EVENTS_PER_HEARTBEAT = 4.6;
    static final double EVENTS_PER_ALLOC_QUERY = 2;
    static final double SERVER_EVENTS_PER_WALL_SECOND = 1.5e6;
    static final double CLIENT_EVENTS_PER_WALL_SECOND = 0.3e6;
    static final double START_SECONDS_PER_CLIENT = 0.5e-3;

    public static CostEstimate of(Scenario s) {
        double seconds = s.durationNanos() / 1e9;
        int servers = s.topology().totalServers();
        double probesPerSecond = servers == 0 ? 0
                : zones(s) * s.probes().kinds().size() / (s.probes().interval().toNanos() / 1e9);
        double serverPerSecond = SERVER_EVENTS_PER_SECOND * (servers + s.topology().totalSerfMembers())
                + EVENTS_PER_PROBE_CALL * probesPerSecond;
        double clientPerSecond = 0;
        HeartbeatSettings h = s.nomad().heartbeat();
        for (int n : clientsByRegion(s).values()) {
            double ttlSeconds = HeartbeatTtl.rateScaledIntervalNanos(h.maxHeartbeatsPerSecond(), h.minHeartbeatTtl().toNanos(), n) / 1e9;
            double heartbeatsPerSecond = n / (1.5 * ttlSeconds);
            double queriesPerSecond = n / (ClientTimings.BLOCKING_MAX_WAIT / 1e9);
            clientPerSecond += EVENTS_PER_HEARTBEAT * heartbeatsPerSecond + EVENTS_PER_ALLOC_QUERY * queriesPerSecond;
        }
        long events = Math.round(seconds * (serverPerSecond + clientPerSecond));
        double wall = seconds * serverPerSecond / SERVER_EVENTS_PER_WALL_SECOND + seconds * clientPerSecond / CLIENT_EVENTS_PER_WALL_SECOND
                + START_SECONDS_PER_CLIENT * s.topology().totalClients();
        return new CostEstimate(events, wall);
    }

    private static Map<String, Integer> clientsByRegion(Scenario s) {
        Map<String, Integer> byRegion = new TreeMap<>();
        for (AgentPlacement p : s.topology().placements()) {
            if (p.role() == Role.CLIENT) {
                byRegion.merge(p.placement().region(), 1, Integer::sum);
            }
        }
        return byRegion;
    }

    private static long zones(Scenario s) {
        return s.topology().regions().stream().flatMap(r -> r.datacenters().stream()).mapToLong(d -> d.zones().size()).sum();
    }
}
