package io.clustersim.gossip.memberlist;

import io.clustersim.gossip.message.Update;
import io.clustersim.gossip.message.UserState;
import java.util.List;

/**
 * The layer above memberlist (Serf): memberlist's {@code Delegate} and {@code EventDelegate} in
 * one. Every method has a no-op default so memberlist can run alone in tests.
 */
public interface MemberlistDelegate {
    MemberlistDelegate NONE = new MemberlistDelegate() {
        @Override
        public boolean mayHaveBroadcasts() {
            return false;
        }
    };

    /** A member became alive (new, or back from dead or left). */
    default void notifyJoin(NodeInfo node) {}

    /** A member became dead or left. */
    default void notifyLeave(NodeInfo node) {}

    /** An alive member's tags changed. */
    default void notifyUpdate(NodeInfo node) {}

    /** A broadcast of the upper layer arrived (memberlist's {@code NotifyMsg}). */
    default void notifyUserUpdate(Update update) {}

    /** The upper layer's broadcasts to piggyback, within {@code limit} bytes. */
    default List<Update> getBroadcasts(int overhead, int limit) {
        return List.of();
    }

    /**
     * False only when {@link #getBroadcasts} would now return nothing and change nothing, which
     * lets memberlist skip work whose result it would not use. True, the default, is always safe.
     */
    default boolean mayHaveBroadcasts() {
        return true;
    }

    /** The upper layer's push-pull state, or null. */
    default UserState localState(boolean join) {
        return null;
    }

    /** Merges a peer's push-pull state. */
    default void mergeRemoteState(UserState state, boolean join) {}
}
