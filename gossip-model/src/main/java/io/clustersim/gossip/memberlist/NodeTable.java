package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.MemberState;
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
    /** The member whose table this is. */
    private final String localName;
    /** Where the local member is in {@link #order}; -1 while it is not listed. */
    private int localIndex = -1;
    private int probeIndex;
    /** How many listed members are dead or left. */
    private int deadOrLeft;
    /** Scratch space of {@link #drawKRandomOthers}. */
    private int[] picks = new int[0];
    /** Changes with every change of the listing, its order or a listed member's pushed state. */
    private int version;

    NodeTable(String localName) {
        this.localName = localName;
    }

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

    /** True when every listed member is alive or suspect. */
    boolean allAliveOrSuspect() {
        return deadOrLeft == 0;
    }

    /** Changes a listed member's state; every state change goes through here, to keep the count. */
    void setState(NodeState node, MemberState state) {
        if (node.state.deadOrLeft()) {
            deadOrLeft--;
        }
        if (state.deadOrLeft()) {
            deadOrLeft++;
        }
        node.state = state;
        version++;
    }

    /**
     * To be called after changing a listed member's incarnation, tags or address (state changes
     * go through {@link #setState}), so that a cached copy of the list is known to be stale.
     */
    void touched() {
        version++;
    }

    /** Equal values mean the listing, its order and every listed member's pushed state are unchanged. */
    int version() {
        return version;
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
        version++;
        if (node.name.equals(localName)) {
            localIndex = offset;
        } else if (localIndex == offset) {
            localIndex = n;
        }
        if (node.state.deadOrLeft()) {
            deadOrLeft++;
        }
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

    /**
     * A member chosen uniformly among those that can be probed (not self, not dead or left), as
     * the SWIM paper's failure detector picks; null when there is none.
     */
    NodeState randomProbeTarget(String self, UniformRandomProvider rng) {
        int eligible = 0;
        for (NodeState n : order) {
            if (!n.name.equals(self) && !n.state.deadOrLeft()) {
                eligible++;
            }
        }
        if (eligible == 0) {
            return null;
        }
        int pick = rng.nextInt(eligible);
        for (NodeState n : order) {
            if (!n.name.equals(self) && !n.state.deadOrLeft() && pick-- == 0) {
                return n;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Drops members dead or left for longer than GossipToTheDeadTime, then shuffles the rest. */
    void resetNodes(long now, long gossipToTheDeadNanos, UniformRandomProvider rng) {
        version++;
        order.removeIf(n -> {
            boolean drop = n.state.deadOrLeft() && now - n.stateChange > gossipToTheDeadNanos;
            if (drop) {
                byName.remove(n.name);
                deadOrLeft--;
            }
            return drop;
        });
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, rng.nextInt(i + 1));
        }
        localIndex = -1;
        NodeState local = byName.get(localName);
        for (int i = 0; local != null && i < order.size(); i++) {
            if (order.get(i) == local) {
                localIndex = i;
                break;
            }
        }
    }

    /**
     * Up to {@code k} distinct random members not excluded, trying at most {@code 3n} random
     * picks as memberlist's {@code kRandomNodes} does (so small clusters search exhaustively).
     * {@code exclude} must not change anything: a repeated pick is rejected before it is asked.
     */
    List<NodeState> kRandom(int k, Predicate<NodeState> exclude, UniformRandomProvider rng) {
        int n = order.size();
        List<NodeState> out = new ArrayList<>(k);
        for (int i = 0; i < 3 * n && out.size() < k; i++) {
            NodeState candidate = order.get(rng.nextInt(n));
            // By identity (each member is listed once), which spares a look at the candidate.
            if (containsSame(out, candidate) || exclude.test(candidate)) {
                continue;
            }
            out.add(candidate);
        }
        return out;
    }

    /**
     * Makes exactly the random draws of {@code kRandom(k, n -> n is the local member, rng)}
     * without looking at any member: for a caller that must keep its random stream where
     * memberlist's order of work puts it but will not use the members picked. Picks are told
     * apart by position (each member is listed once), and the local member by its tracked
     * position. In a large pool, looking at randomly picked members costs a cache miss each.
     */
    void drawKRandomOthers(int k, UniformRandomProvider rng) {
        int n = order.size();
        if (picks.length < k) {
            picks = new int[k];
        }
        int picked = 0;
        for (int i = 0; i < 3 * n && picked < k; i++) {
            int c = rng.nextInt(n);
            if (c == localIndex || contains(picks, picked, c)) {
                continue;
            }
            picks[picked++] = c;
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsSame(List<NodeState> list, NodeState node) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == node) {
                return true;
            }
        }
        return false;
    }
}
