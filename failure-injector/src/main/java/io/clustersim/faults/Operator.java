package io.clustersim.faults;

/**
 * Operator commands a scenario may issue, carried out by the deployment as an operator would
 * (an API call to a live server), never by reaching into a process.
 */
public interface Operator {
    /** {@code nomad server force-leave NODE}: the cluster treats a failed server as gone. */
    void forceLeave(String node);

    /** {@code nomad operator raft transfer-leadership}: the leader hands over to another voter. */
    default void transferLeadership() {
        throw new UnsupportedOperationException("this deployment cannot transfer leadership");
    }

    /** A deployment with no operator commands. */
    Operator NONE = node -> {
        throw new UnsupportedOperationException("this deployment takes no operator commands");
    };
}
