package io.clustersim.kernel.network;

import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Active partitions. Each cuts the links from side A to side B (and from B to A unless one-way).
 * Partitions overlap freely; healing one leaves the others in force.
 */
public final class Partitions {
    /** Identifies one partition so it can be healed on its own. */
    public record Cut(int id, BitSet sideA, BitSet sideB, boolean oneWay) {
        boolean blocks(int from, int to) {
            return (sideA.get(from) && sideB.get(to)) || (!oneWay && sideB.get(from) && sideA.get(to));
        }
    }

    private final List<Cut> cuts = new ArrayList<>();
    private int nextId = 1;

    /** Cuts A from B in both directions. */
    public Cut split(Collection<NodeId> a, Collection<NodeId> b) {
        return add(a, b, false);
    }

    /** Cuts only the direction from {@code from} to {@code to}: they still hear from the other side. */
    public Cut oneWay(Collection<NodeId> from, Collection<NodeId> to) {
        return add(from, to, true);
    }

    private Cut add(Collection<NodeId> a, Collection<NodeId> b, boolean oneWay) {
        Cut c = new Cut(nextId++, bits(a), bits(b), oneWay);
        cuts.add(c);
        return c;
    }

    public void heal(Cut cut) {
        cuts.removeIf(c -> c.id() == cut.id());
    }

    public void healAll() {
        cuts.clear();
    }

    public boolean isEmpty() {
        return cuts.isEmpty();
    }

    public boolean blocked(NodeId from, NodeId to) {
        for (int i = 0; i < cuts.size(); i++) {
            if (cuts.get(i).blocks(from.index(), to.index())) {
                return true;
            }
        }
        return false;
    }

    /** The nodes as a bit set of their indexes, for fast membership tests on every message. */
    static BitSet bits(Collection<NodeId> nodes) {
        BitSet b = new BitSet();
        for (NodeId n : nodes) {
            b.set(n.index());
        }
        return b;
    }
}
