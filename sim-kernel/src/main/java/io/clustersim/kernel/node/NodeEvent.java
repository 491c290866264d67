package io.clustersim.kernel.node;

import io.clustersim.kernel.event.EventHandler;

/**
 * An event addressed to one incarnation of one node: a timer, a message delivery or a disk
 * completion. It is dropped if the node crashed since it was scheduled and held back while the
 * node is paused.
 */
public abstract class NodeEvent implements EventHandler {
    protected final Node node;
    private final int epoch;

    protected NodeEvent(Node node) {
        this.node = node;
        this.epoch = node.epoch();
    }

    @Override
    public final void onEvent() {
        if (node.epoch() != epoch || node.state() == NodeState.DOWN) {
            dropped();
            return;
        }
        if (node.state() == NodeState.PAUSED) {
            node.defer(this);
            return;
        }
        deliver();
    }

    /** The node is up and is the same incarnation: act. */
    protected abstract void deliver();

    /** The incarnation it was meant for is gone. */
    protected void dropped() {}

    /** The incarnation this event belongs to. */
    final int incarnation() {
        return epoch;
    }
}
