package io.clustersim.model.server;

import java.time.Duration;

/**
 * Autopilot's settings (nomad {@code nomad/config.go} DefaultConfig; raft-autopilot v0.1.6's
 * intervals as Nomad sets them in {@code nomad/autopilot.go}).
 *
 * @param cleanupDeadServers remove failed and stale servers from Raft
 * @param lastContactThreshold a server whose last contact with the leader is older is unhealthy
 * @param maxTrailingLogs a server more entries behind the leader than this is unhealthy
 * @param serverStabilizationTime how long a non-voter must stay healthy before it is promoted
 * @param minQuorum pruning never takes the voters below this
 * @param serverHealthInterval how often the leader gathers every server's Raft stats
 * @param interval how often it promotes and prunes
 */
public record AutopilotConfig(boolean cleanupDeadServers, Duration lastContactThreshold, long maxTrailingLogs,
        Duration serverStabilizationTime, int minQuorum, Duration serverHealthInterval, Duration interval) {
    public AutopilotConfig {
        if (lastContactThreshold.isNegative() || serverStabilizationTime.isNegative() || maxTrailingLogs < 0
                || minQuorum < 0 || serverHealthInterval.isNegative() || serverHealthInterval.isZero()
                || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("autopilot settings must not be negative, intervals must be positive");
        }
    }

    /** Nomad's defaults: cleanup on, 200 ms, 250 entries, 10 s, min quorum 0; health every 2 s, act every 10 s. */
    public static AutopilotConfig defaults() {
        return new AutopilotConfig(true, Duration.ofMillis(200), 250, Duration.ofSeconds(10), 0, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }
}
