package io.clustersim.model.server.heartbeat;

import java.time.Duration;
import java.util.Objects;

/**
 * The servers' client-heartbeat settings (nomad {@code nomad/config.go}, agent {@code server}
 * block), with Nomad's defaults.
 *
 * @param minHeartbeatTtl the shortest TTL handed to a client
 * @param maxHeartbeatsPerSecond the heartbeat rate the leader aims to stay under; TTLs grow with
 *     the number of nodes to keep it
 * @param heartbeatGrace added to the TTL before the leader's timer fires
 * @param failoverHeartbeatTtl every node's TTL when a new leader takes over
 * @param nodeGcThreshold how long a down node with only terminal allocations is kept
 * @param nodeGcInterval how often the leader collects such nodes (nomad's internal NodeGCInterval)
 */
public record HeartbeatSettings(Duration minHeartbeatTtl, double maxHeartbeatsPerSecond, Duration heartbeatGrace,
        Duration failoverHeartbeatTtl, Duration nodeGcThreshold, Duration nodeGcInterval) {
    public HeartbeatSettings {
        Objects.requireNonNull(minHeartbeatTtl, "minHeartbeatTtl");
        Objects.requireNonNull(heartbeatGrace, "heartbeatGrace");
        Objects.requireNonNull(failoverHeartbeatTtl, "failoverHeartbeatTtl");
        Objects.requireNonNull(nodeGcThreshold, "nodeGcThreshold");
        Objects.requireNonNull(nodeGcInterval, "nodeGcInterval");
        if (!(maxHeartbeatsPerSecond > 0) || minHeartbeatTtl.isNegative() || minHeartbeatTtl.isZero()
                || heartbeatGrace.isNegative() || failoverHeartbeatTtl.isNegative() || failoverHeartbeatTtl.isZero()
                || nodeGcThreshold.isNegative() || nodeGcInterval.isNegative() || nodeGcInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat settings: rates and TTLs must be positive, the grace not negative");
        }
    }

    /** min_heartbeat_ttl 10 s, max_heartbeats_per_second 50, heartbeat_grace 10 s, failover 5 min, node GC 24 h every 5 min. */
    public static HeartbeatSettings defaults() {
        return new HeartbeatSettings(Duration.ofSeconds(10), 50.0, Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofHours(24), Duration.ofMinutes(5));
    }
}
