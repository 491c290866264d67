package io.clustersim.gossip.memberlist;

/**
 * Lifeguard's local health (LHA-Probe): a score in {@code [0, max-1]} that grows when this member
 * misses acks and nacks or has to refute, and stretches its probe window to {@code (score+1)}
 * probe intervals (memberlist {@code awareness.go}). A slow member thereby gives
 * late answers more time instead of suspecting healthy peers.
 */
public final class Awareness {
    private final int max;
    private int score;

    /** @param max memberlist's AwarenessMaxMultiplier; 1 disables awareness (plain SWIM) */
    public Awareness(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1");
        }
        this.max = max;
    }

    /** Adds {@code delta}, clamped to {@code [0, max-1]}. */
    public void applyDelta(int delta) {
        score = Math.max(0, Math.min(max - 1, score + delta));
    }

    public int score() {
        return score;
    }

    /** {@code timeout * (score + 1)}. */
    public long scaleTimeout(long timeoutNanos) {
        return timeoutNanos * (score + 1);
    }
}
