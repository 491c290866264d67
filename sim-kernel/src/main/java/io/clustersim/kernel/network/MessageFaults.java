package io.clustersim.kernel.network;

import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Active faults on messages of one kind between two sets of nodes: each drops them, or delays
 * them by a fixed time, from the moment it is added until it is removed. A delayed FIFO message
 * holds back the ones behind it on its link, as a stalled TCP connection does.
 *
 * <p>They express set-ups a crash or a partition cannot, such as the Raft paper's Figure 16
 * ("logs differ"): the entries of AppendEntries to two followers are lost for a while, while
 * heartbeats still arrive. The first matching fault decides.
 */
public final class MessageFaults {
    /** One fault; {@code delayNanos} is 0 for a fault that drops. */
    public record Rule(int id, BitSet from, BitSet to, String kind, boolean drop, long delayNanos) {
        boolean matches(int source, int destination, Message m) {
            return from.get(source) && to.get(destination) && m.isKind(kind);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private int nextId = 1;

    /** Drops every message of {@code kind} from a node of {@code from} to one of {@code to}. */
    public Rule drop(Collection<NodeId> from, Collection<NodeId> to, String kind) {
        return add(from, to, kind, true, 0);
    }

    /** Delays every message of {@code kind} from {@code from} to {@code to} by {@code delayNanos}. */
    public Rule delay(Collection<NodeId> from, Collection<NodeId> to, String kind, long delayNanos) {
        if (delayNanos <= 0) {
            throw new IllegalArgumentException("a delay must be positive, got " + delayNanos);
        }
        return add(from, to, kind, false, delayNanos);
    }

    private Rule add(Collection<NodeId> from, Collection<NodeId> to, String kind, boolean drop, long delayNanos) {
        Rule r = new Rule(nextId++, Partitions.bits(from), Partitions.bits(to), kind, drop, delayNanos);
        rules.add(r);
        return r;
    }

    public void remove(Rule rule) {
        rules.removeIf(r -> r.id() == rule.id());
    }

    /** Ends every message fault (a scenario's heal). */
    public void clear() {
        rules.clear();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The first fault that applies to {@code m} on this link, or null. */
    Rule match(NodeId from, NodeId to, Message m) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.matches(from.index(), to.index(), m)) {
                return r;
            }
        }
        return null;
    }
}
