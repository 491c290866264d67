package io.clustersim.gossip.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Serf's parameters (serf {@code serf/config.go} {@code DefaultConfig}).
 *
 * @param reconnectTimeout     a failed member is reaped after this long (Nomad: 72 h)
 * @param tombstoneTimeout     a left member is reaped after this long
 * @param reapInterval         how often the reaper runs
 * @param reconnectInterval    how often a reconnect to a failed member is attempted
 * @param broadcastTimeout     how long a graceful leave waits for each of its broadcasts to go out
 * @param leavePropagateDelay  how long a leaving member stays up after its broadcasts went out, to
 *                             answer probes while the news spreads
 * @param recentIntentTimeout  how long an intent about a not-yet-known member is remembered
 */
public record SerfConfig(
        Duration reconnectTimeout,
        Duration tombstoneTimeout,
        Duration reapInterval,
        Duration reconnectInterval,
        Duration broadcastTimeout,
        Duration leavePropagateDelay,
        Duration recentIntentTimeout) {

    public SerfConfig {
        for (Duration d : new Duration[] {reconnectTimeout, tombstoneTimeout, reapInterval, reconnectInterval,
                broadcastTimeout, leavePropagateDelay, recentIntentTimeout}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative, got " + d);
            }
        }
        if (reapInterval.isZero() || reconnectInterval.isZero()) {
            throw new IllegalArgumentException("reapInterval and reconnectInterval must be positive");
        }
    }

    /** serf {@code DefaultConfig}: 24 h reconnect and tombstone timeouts, reap every 15 s, reconnect every 30 s. */
    public static SerfConfig defaults() {
        return new SerfConfig(Duration.ofHours(24), Duration.ofHours(24), Duration.ofSeconds(15),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder; start from {@link #toBuilder()} of a profile. */
    public static final class Builder {
        private Duration reconnectTimeout;
        private Duration tombstoneTimeout;
        private Duration reapInterval;
        private Duration reconnectInterval;
        private Duration broadcastTimeout;
        private Duration leavePropagateDelay;
        private Duration recentIntentTimeout;

        private Builder(SerfConfig c) {
            reconnectTimeout = c.reconnectTimeout;
            tombstoneTimeout = c.tombstoneTimeout;
            reapInterval = c.reapInterval;
            reconnectInterval = c.reconnectInterval;
            broadcastTimeout = c.broadcastTimeout;
            leavePropagateDelay = c.leavePropagateDelay;
            recentIntentTimeout = c.recentIntentTimeout;
        }

        public Builder reconnectTimeout(Duration v) { reconnectTimeout = v; return this; }
        public Builder tombstoneTimeout(Duration v) { tombstoneTimeout = v; return this; }
        public Builder reapInterval(Duration v) { reapInterval = v; return this; }
        public Builder reconnectInterval(Duration v) { reconnectInterval = v; return this; }
        public Builder broadcastTimeout(Duration v) { broadcastTimeout = v; return this; }
        public Builder leavePropagateDelay(Duration v) { leavePropagateDelay = v; return this; }
        public Builder recentIntentTimeout(Duration v) { recentIntentTimeout = v; return this; }

        public SerfConfig build() {
            return new SerfConfig(reconnectTimeout, tombstoneTimeout, reapInterval, reconnectInterval,
                    broadcastTimeout, leavePropagateDelay, recentIntentTimeout);
        }
    }
}
