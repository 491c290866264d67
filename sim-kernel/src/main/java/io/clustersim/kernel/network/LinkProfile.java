package io.clustersim.kernel.network;

import io.clustersim.kernel.random.Distribution;

/**
 * One link's characteristics.
 *
 * @param latencyNanos one-way propagation delay, a distribution over nanoseconds
 * @param bandwidthBytesPerSecond 0 for unlimited; otherwise messages serialise on the link
 */
public record LinkProfile(Distribution latencyNanos, double bandwidthBytesPerSecond) {
    public LinkProfile {
        if (bandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative");
        }
    }

    public static LinkProfile of(Distribution latencyNanos) {
        return new LinkProfile(latencyNanos, 0);
    }
}
