package io.clustersim.gossip.memberlist;

/**
 * memberlist's scaling rules, in nanoseconds. These set detection time and traffic, so they are
 * kept exact (including memberlist's millisecond flooring) and unit-tested against the reference.
 */
public final class MemberlistFormulas {
    private static final int PUSH_PULL_SCALE_THRESHOLD = 32;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private MemberlistFormulas() {}

    /**
     * The suspicion timeout's lower bound: {@code SuspicionMult * max(1, log10(max(1, n))) *
     * ProbeInterval} (memberlist {@code util.go suspicionTimeout}). Like memberlist,
     * the node scale is truncated to thousandths before multiplying.
     */
    public static long suspicionTimeoutNanos(int suspicionMult, int n, long probeIntervalNanos) {
        double nodeScale = Math.max(1.0, Math.log10(Math.max(1.0, n)));
        return suspicionMult * (long) (nodeScale * 1000) * probeIntervalNanos / 1000;
    }

    /**
     * How many independent confirmations a suspicion expects: {@code SuspicionMult - 2}, or none
     * when the cluster is too small to supply them (n minus the suspecter and the suspect).
     */
    public static int expectedConfirmations(int suspicionMult, int n) {
        int k = suspicionMult - 2;
        return n - 2 < k ? 0 : Math.max(0, k);
    }

    /**
     * Lifeguard's shrinking timeout after {@code confirmations} of {@code k} expected, minus the
     * time already elapsed: {@code max - ln(c+1)/ln(k+1) * (max - min)}, floored to whole
     * milliseconds and at {@code min} (memberlist {@code suspicion.go remainingSuspicionTime}).
     * A result of zero or less means the suspect is due to be declared dead now.
     */
    public static long remainingSuspicionNanos(int confirmations, int k, long elapsedNanos, long minNanos, long maxNanos) {
        double frac = Math.log(confirmations + 1.0) / Math.log(k + 1.0);
        double rawSeconds = maxNanos / 1e9 - frac * (maxNanos / 1e9 - minNanos / 1e9);
        long timeout = (long) Math.floor(1000.0 * rawSeconds) * NANOS_PER_MILLI;
        if (timeout < minNanos) {
            timeout = minNanos;
        }
        return timeout - elapsedNanos;
    }

    /** How often one update is sent: {@code RetransmitMult * ceil(log10(n+1))} (memberlist {@code retransmitLimit}). */
    public static int retransmitLimit(int retransmitMult, int n) {
        int nodeScale = (int) Math.ceil(Math.log10(n + 1.0));
        return retransmitMult * nodeScale;
    }

    /**
     * The push-pull interval for {@code n} members: unchanged up to 32, then multiplied by
     * {@code ceil(log2(n) - log2(32)) + 1} so that full syncs do not swamp large clusters
     * (memberlist {@code pushPullScale}).
     */
    public static long pushPullScaleNanos(long intervalNanos, int n) {
        if (n <= PUSH_PULL_SCALE_THRESHOLD) {
            return intervalNanos;
        }
        double multiplier = Math.ceil(log2(n) - log2(PUSH_PULL_SCALE_THRESHOLD)) + 1.0;
        return (long) multiplier * intervalNanos;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
