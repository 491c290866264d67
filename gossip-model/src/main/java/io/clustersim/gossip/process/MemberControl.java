package io.clustersim.gossip.process;

import java.time.Duration;

/**
 * Knobs on one member that outlive its process incarnations: the harness keeps one per member and
 * every restart's {@link SerfProcess} reads it.
 */
public final class MemberControl {
    private long processingDelayNanos;

    /**
     * Every incoming message is handled this long after it arrives, as by an overloaded member
     * (the Lifeguard paper's slow-processing experiment). Timers are not delayed. Zero is normal.
     */
    public void setProcessingDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        processingDelayNanos = delay.toNanos();
    }

    public long processingDelayNanos() {
        return processingDelayNanos;
    }
}
