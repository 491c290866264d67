package io.clustersim.raft.client;

import java.time.Duration;

/**
 * A client's patience.
 *
 * @param requestTimeoutNanos how long one attempt may take before the client tries another server
 * @param maxAttempts attempts per request before giving up
 * @param retryBackoffNanos pause before retrying after NO_LEADER, LEADERSHIP_LOST or a transfer
 */
public record ClientConfig(long requestTimeoutNanos, int maxAttempts, long retryBackoffNanos) {
    public ClientConfig {
        if (requestTimeoutNanos <= 0 || maxAttempts < 1 || retryBackoffNanos < 0) {
            throw new IllegalArgumentException("bad client config");
        }
    }

    /**
     * 2s per attempt, 20 attempts, 250ms back-off: without a leader a request is retried for about
     * 5s, like Nomad's RPC hold timeout.
     */
    public static ClientConfig defaults() {
        return new ClientConfig(2_000_000_000L, 20, 250_000_000L);
    }

    public static ClientConfig of(Duration requestTimeout, int maxAttempts, Duration retryBackoff) {
        return new ClientConfig(requestTimeout.toNanos(), maxAttempts, retryBackoff.toNanos());
    }
}
