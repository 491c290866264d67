package io.clustersim.kernel.network;

import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Active degradations of links: added latency with uniform jitter, extra loss and extra
 * duplication, on every link of a {@link LinkClass} or on the links between two sets of nodes
 * (both directions). They stack: every matching degradation adds its latency, and losses
 * combine as independent chances ({@code 1 - (1 - a)(1 - b)}). A degraded stream still resends
 * what is lost, so extra loss on a TCP path shows as retransmission delay, as on a real network.
 */
public final class LinkFaults {
    /**
     * One degradation.
     *
     * @param linkClass the class of links it hits, or null when it hits the links between {@code a} and {@code b}
     * @param addedLatencyNanos added to each message's latency
     * @param jitterNanos a further uniform delay in [0, jitter)
     * @param loss an extra chance that a message is lost
     * @param duplication an extra chance that it is delivered twice
     */
    public record Degradation(int id, LinkClass linkClass, BitSet a, BitSet b, long addedLatencyNanos, long jitterNanos,
            double loss, double duplication) {
        public Degradation {
            if (addedLatencyNanos < 0 || jitterNanos < 0 || !(loss >= 0 && loss <= 1) || !(duplication >= 0 && duplication <= 1)) {
                throw new IllegalArgumentException("a degradation needs latency and jitter >= 0 and chances within [0, 1]");
            }
        }

        boolean matches(int from, int to, LinkClass cls) {
            if (linkClass != null) {
                return linkClass == cls;
            }
            return (a.get(from) && b.get(to)) || (b.get(from) && a.get(to));
        }
    }

    private final List<Degradation> active = new ArrayList<>();
    private int nextId = 1;

    /** Degrades every link of {@code linkClass}. */
    public Degradation degrade(LinkClass linkClass, long addedLatencyNanos, long jitterNanos, double loss, double duplication) {
        Degradation d = new Degradation(nextId++, linkClass, new BitSet(), new BitSet(), addedLatencyNanos, jitterNanos, loss,
                duplication);
        active.add(d);
        return d;
    }

    /** Degrades the links between a node of {@code a} and a node of {@code b}, both ways. */
    public Degradation degrade(Collection<NodeId> a, Collection<NodeId> b, long addedLatencyNanos, long jitterNanos, double loss,
            double duplication) {
        Degradation d = new Degradation(nextId++, null, Partitions.bits(a), Partitions.bits(b), addedLatencyNanos, jitterNanos, loss,
                duplication);
        active.add(d);
        return d;
    }

    public void restore(Degradation d) {
        active.removeIf(x -> x.id() == d.id());
    }

    public void restoreAll() {
        active.clear();
    }

    public boolean isEmpty() {
        return active.isEmpty();
    }

    int size() {
        return active.size();
    }

    Degradation get(int i) {
        return active.get(i);
    }
}
