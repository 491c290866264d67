package io.clustersim.gossip.observe;

import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives what members observe. Every method has a no-op default; implement what you measure.
 * Observers must not change protocol state: they are called from inside a member's handlers.
 */
public interface GossipObserver {
    /** Observes nothing. */
    GossipObserver NONE = new GossipObserver() {};

    /** A memberlist's view of a member changed (alive, suspect, dead, left). */
    default void onStateChange(StateChange change) {}

    /** A Serf member event (join, leave, failed, update, reap). */
    default void onSerfEvent(SerfEvent event) {}

    /** A member refuted a suspicion or death about itself. */
    default void onRefutation(Refutation refutation) {}

    /** A running suspicion got an independent confirmation. */
    default void onSuspicionConfirmed(Confirmation confirmation) {}

    /** A member sent a message (for message-rate metrics). */
    default void onSend(long timeNanos, String from, NodeId to, GossipMessage message, Delivery delivery) {}

    /** Calls each of {@code observers} in order. */
    static GossipObserver all(List<? extends GossipObserver> observers) {
        List<GossipObserver> list = new ArrayList<>(observers);
        if (list.isEmpty()) {
            return NONE;
        }
        if (list.size() == 1) {
            return list.get(0);
        }
        return new GossipObserver() {
            @Override
            public void onStateChange(StateChange change) {
                for (GossipObserver o : list) {
                    o.onStateChange(change);
                }
            }

            @Override
            public void onSerfEvent(SerfEvent event) {
                for (GossipObserver o : list) {
                    o.onSerfEvent(event);
                }
            }

            @Override
            public void onRefutation(Refutation refutation) {
                for (GossipObserver o : list) {
                    o.onRefutation(refutation);
                }
            }

            @Override
            public void onSuspicionConfirmed(Confirmation confirmation) {
                for (GossipObserver o : list) {
                    o.onSuspicionConfirmed(confirmation);
                }
            }

            @Override
            public void onSend(long timeNanos, String from, NodeId to, GossipMessage message, Delivery delivery) {
                for (GossipObserver o : list) {
                    o.onSend(timeNanos, from, to, message, delivery);
                }
            }
        };
    }
}
