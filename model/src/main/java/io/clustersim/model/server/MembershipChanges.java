package io.clustersim.model.server;

import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.ChangeResult;
import java.util.ArrayDeque;

/**
 * The leader's queue of Raft membership changes. hashicorp/raft takes one configuration change
 * at a time (the next waits until the last is committed); reconcile and autopilot may want
 * several at once, so they queue here and go in order, retried while Raft is busy.
 */
final class MembershipChanges {
    /** What to do to a server's membership. */
    enum Op {
        /** hashicorp AddNonvoter: join as a non-voter; autopilot promotes it once stable. */
        ADD_NONVOTER,
        /** hashicorp AddVoter on a non-voter: autopilot's promotion. */
        PROMOTE,
        /** hashicorp RemoveServer. */
        REMOVE
    }

    private record Change(Op op, NodeId server) {}

    /** How long to wait before trying again while a configuration change is still uncommitted. */
    static final long RETRY_NANOS = 100_000_000L;

    private final NodeContext ctx;
    private final RaftServer raft;
    private final ArrayDeque<Change> queue = new ArrayDeque<>();
    private boolean retryArmed;

    MembershipChanges(NodeContext ctx, RaftServer raft) {
        this.ctx = ctx;
        this.raft = raft;
    }

    void submit(Op op, NodeId server) {
        Change c = new Change(op, server);
        if (!queue.contains(c)) {
            queue.addLast(c);
        }
        drain();
    }

    boolean pending(NodeId server) {
        return queue.stream().anyMatch(c -> c.server().equals(server));
    }

    void clear() {
        queue.clear();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Change c = queue.peekFirst();
            ChangeResult r = switch (c.op()) {
                case ADD_NONVOTER -> raft.addNonVoter(c.server());
                case PROMOTE -> raft.addVoter(c.server());
                case REMOVE -> raft.removeServer(c.server());
            };
            if (r == ChangeResult.BUSY) {
                if (!retryArmed) {
                    retryArmed = true;
                    ctx.setTimer("membership.retry", RETRY_NANOS, () -> {
                        retryArmed = false;
                        drain();
                    });
                }
                return;
            }
            queue.pollFirst();
            if (r == ChangeResult.NOT_LEADER) {
                queue.clear();
                return;
            }
            // ACCEPTED, or INVALID (already so): on to the next.
        }
    }
}
