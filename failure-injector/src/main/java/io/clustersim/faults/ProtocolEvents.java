package io.clustersim.faults;

import io.clustersim.kernel.node.NodeId;

/**
 * Where a deployment reports the protocol events that {@link Trigger.Whenever} faults react to.
 * The injector implements it; the deployment (or a test's observer) calls it as events happen,
 * so the injector learns of them without knowing any protocol.
 */
public interface ProtocolEvents {
    /** The events a fault may react to. */
    enum Kind {
        /** A server granted its vote to a candidate. */
        VOTE_GRANTED,
        /** A server became leader. */
        LEADER_ELECTED
    }

    void happened(Kind kind, NodeId node);

    ProtocolEvents NONE = (kind, node) -> {};
}
