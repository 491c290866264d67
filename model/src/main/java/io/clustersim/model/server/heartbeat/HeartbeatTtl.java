package io.clustersim.model.server.heartbeat;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * How the leader picks a node's TTL (nomad {@code nomad/heartbeat.go} resetHeartbeatTimer, with
 * {@code helper.RateScaledInterval} and {@code helper.RandomStagger}).
 */
public final class HeartbeatTtl {
    /** RateScaledInterval returns the minimum when the rate is below one event a day. */
    static final double MIN_RATE = 1.0 / 86_400;

    private HeartbeatTtl() {}

    /** max(min, n / rate seconds): the interval that keeps n nodes' heartbeats at the rate. */
    public static long rateScaledIntervalNanos(double ratePerSecond, long minNanos, int n) {
        if (ratePerSecond <= MIN_RATE) {
            return minNanos;
        }
        long interval = (long) (n / ratePerSecond * 1e9);
        return Math.max(minNanos, interval);
    }

    /** Uniform in [0, d): RandomStagger. */
    public static long randomStaggerNanos(long d, UniformRandomProvider random) {
        return d <= 0 ? 0 : random.nextLong(d);
    }

    /** The TTL handed to a node while the leader holds {@code timers} timers: in [base, 2 base). */
    public static long ttlNanos(HeartbeatSettings s, int timers, UniformRandomProvider random) {
        long base = rateScaledIntervalNanos(s.maxHeartbeatsPerSecond(), s.minHeartbeatTtl().toNanos(), timers);
        return base + randomStaggerNanos(base, random);
    }
}
