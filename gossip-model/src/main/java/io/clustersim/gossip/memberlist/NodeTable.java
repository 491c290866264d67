package io.clustersim.gossip.memberlist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * memberlist's {@code nodeMap} and {@code nodes}: every known member (dead ones too until they are
 * dropped) and the shuffled order in which they are probed round-robin.
 */
final class NodeTable {
    private final Map<String, NodeState> byName = new TreeMap<>();
    private final List<NodeState> order = new ArrayList<>();
    private int probeIndex;

    NodeState get(String name) {
        return byName.get(name);
    }

    /** memberlist's {@code numNodes}: everyone listed, self and not-yet-dropped dead included. */
    int size() {
        return order.size();
    }

    /** The probe order (read-only). */
    List<NodeState> ordered() {
        return Collections.unmodifiableList(order);
    }

    /**
     * Adds a new member at a random position (swapping the occupant to the end), so that new
     * members are not all probed last, which would raise the detection bound (memberlist
     * {@code aliveNode}).
     */
    void add(NodeState node, UniformRandomProvider rng) {
        int n = order.size();
        int offset = n == 0 ? 0 : rng.nextInt(n);
        order.add(node);
        Collections.swap(order, offset, n);
        byName.put(node.name, node);
    }

    /**
     * The next member to probe, walking the list round-robin and skipping self, dead and left
     * members; when the walk wraps, long-dead members are dropped and the list reshuffled
     * (memberlist {@code probe}, {@code resetNodes}). Null when nobody can be probed.
     */
    NodeState nextProbeTarget(String self, long now, long gossipToTheDeadNanos, UniformRandomProvider rng) {
        int checked = 0;
        while (checked < order.size()) {
            if (probeIndex >= order.size()) {
                resetNodes(now, gossipToTheDeadNanos, rng);
                probeIndex = 0;
                checked++;
                continue;
            }
            NodeState node = order.get(probeIndex++);
            if (node.name.equals(self) || node.state.deadOrLeft()) {
                checked++;
                continue;
            }
            return node;
        }
        return null;
    }

    /** Drops members dead or left for longer than GossipToTheDeadTime, then shuffles the rest. */
    void resetNodes(long now, long gossipToTheDeadNanos, UniformRandomProvider rng) {
        order.removeIf(n -> {
            boolean drop = n.state.deadOrLeft() && now - n.stateChange > gossipToTheDeadNanos;
            if (drop) {
                byName.remove(n.name);
            }
            return drop;
        });
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, rng.nextInt(i + 1));
        }
    }

    /**
     * Up to {@code k} distinct random members not excluded, trying at most {@code 3n} random
     * picks as memberlist's {@code kRandomNodes} does (so small clusters search exhaustively).
     */
    List<NodeState> kRandom(int k, Predicate<NodeState> exclude, UniformRandomProvider rng) {
        int n = order.size();
        List<NodeState> out = new ArrayList<>(k);
        for (int i = 0; i < 3 * n && out.size() < k; i++) {
            NodeState candidate = order.get(rng.nextInt(n));
            if (exclude.test(candidate) || out.contains(candidate)) {
                continue;
            }
            out.add(candidate);
        }
        return out;
    }
}
