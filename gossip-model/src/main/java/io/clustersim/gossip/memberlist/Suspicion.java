package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.port.GossipPorts;
import io.clustersim.kernel.node.Timer;
import java.util.Set;
import java.util.TreeSet;

/**
 * One member's suspicion timer (memberlist {@code suspicion.go}). It starts at
 * {@code max} when confirmations are expected (else at {@code min}); each new distinct confirmer,
 * up to {@code k}, pulls the deadline in towards {@code min}, because independent suspicions make
 * a real failure likely (Lifeguard LHA-Suspicion). With {@code k = 0} it is SWIM's fixed timeout.
 */
final class Suspicion {
    private static final String TIMER = "memberlist.suspicion";

    private final int k;
    private final long minNanos;
    private final long maxNanos;
    private final long start;
    private final GossipPorts ports;
    private final Runnable onTimeout;
    private final Set<String> confirmers = new TreeSet<>();
    private int confirmations;
    private Timer timer;

    Suspicion(String from, int k, long minNanos, long maxNanos, GossipPorts ports, Runnable onTimeout) {
        this.k = k;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.ports = ports;
        this.onTimeout = onTimeout;
        this.start = ports.now();
        // The accuser itself never counts as a confirmation.
        confirmers.add(from);
        timer = ports.setTimer(TIMER, k < 1 ? minNanos : maxNanos, onTimeout);
    }

    /** Counts {@code from} as a confirmation if it is new and more are expected; true when it counted. */
    boolean confirm(String from) {
        if (confirmations >= k || !confirmers.add(from)) {
            return false;
        }
        confirmations++;
        long remaining = MemberlistFormulas.remainingSuspicionNanos(confirmations, k, ports.now() - start, minNanos, maxNanos);
        if (timer.isPending()) {
            timer.cancel();
            // Already overdue: declare dead now, but from a fresh event rather than re-entrantly.
            timer = ports.setTimer(TIMER, Math.max(0, remaining), onTimeout);
        }
        return true;
    }

    void cancel() {
        timer.cancel();
    }

    int confirmations() {
        return confirmations;
    }
}
