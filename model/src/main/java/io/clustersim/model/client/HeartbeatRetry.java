package io.clustersim.model.client;

import static io.clustersim.model.server.heartbeat.HeartbeatTtl.randomStaggerNanos;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * When a client heartbeats again after a failed heartbeat (nomad {@code client/client.go}
 * getHeartbeatRetryIntv): as a registration (15 s plus up to 15 s) before the first heartbeat or
 * when there is no leader; otherwise never more often than once a second and never less than
 * once in 30 s, using the time left on its TTL, and once more than 30 s overdue the time overdue.
 */
public final class HeartbeatRetry {
    private static final long S = 1_000_000_000L;

    private HeartbeatRetry() {}

    /**
     * @param lastOkNanos the last successful heartbeat (or registration)
     * @param ttlNanos the TTL the servers last handed out
     * @param haveHeartbeated whether a heartbeat ever succeeded
     * @param noLeader whether this failure was "no leader"
     */
    public static long intervalNanos(long nowNanos, long lastOkNanos, long ttlNanos, boolean haveHeartbeated,
            boolean noLeader, UniformRandomProvider random) {
        if (!haveHeartbeated || noLeader) {
            return ClientTimings.REGISTER_RETRY + randomStaggerNanos(ClientTimings.REGISTER_RETRY, random);
        }
        long left = lastOkNanos + ttlNanos - nowNanos;
        if (left < -30 * S) {
            left = -left;
        } else if (left < 0) {
            return S + randomStaggerNanos(S, random);
        }
        long stagger = randomStaggerNanos(left, random);
        if (stagger < S) {
            return S + randomStaggerNanos(S, random);
        }
        if (stagger > 30 * S) {
            return 25 * S + randomStaggerNanos(5 * S, random);
        }
        return stagger;
    }
}
