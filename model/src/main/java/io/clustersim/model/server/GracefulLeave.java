package io.clustersim.model.server;

import io.clustersim.gossip.serf.Serf;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.observe.RaftView;

/**
 * A server's graceful leave (nomad {@code nomad/server.go} Leave): a leader with peers first
 * removes itself from Raft, so the quorum shrinks safely; then it leaves Serf; a follower, after
 * leaving Serf, waits (checking every 50 ms, at most 5 s: raftRemoveGracePeriod) until the
 * leader's reconcile has removed it. Then the agent exits.
 */
final class GracefulLeave {
    static final long POLL_NANOS = 50_000_000L;
    static final long GRACE_NANOS = 5_000_000_000L;

    private final NodeContext ctx;
    private final RaftServer raft;
    private final Serf serf;
    private final Runnable onLeft;

    GracefulLeave(NodeContext ctx, RaftServer raft, Serf serf, Runnable onLeft) {
        this.ctx = ctx;
        this.raft = raft;
        this.serf = serf;
        this.onLeft = onLeft;
    }

    void leave() {
        boolean wasLeader = raft.isLeader();
        if (wasLeader && raft.view().configuration().size() > 1) {
            removeSelf(ctx.now() + GRACE_NANOS);
        } else {
            leaveSerf(wasLeader);
        }
    }

    private void removeSelf(long deadline) {
        ChangeResult r = raft.removeServer(raft.id());
        if (r == ChangeResult.BUSY && ctx.now() < deadline) {
            ctx.setTimer("leave.remove", POLL_NANOS, () -> removeSelf(deadline));
            return;
        }
        awaitOwnRemovalCommitted(deadline);
    }

    /** hashicorp's RemoveServer future: done once the configuration without us is committed. */
    private void awaitOwnRemovalCommitted(long deadline) {
        RaftView v = raft.view();
        boolean committed = !v.configuration().contains(raft.id()) && v.commitIndex() >= v.lastLogIndex();
        if (committed || !raft.isLeader() || ctx.now() >= deadline) {
            leaveSerf(true);
            return;
        }
        ctx.setTimer("leave.remove", POLL_NANOS, () -> awaitOwnRemovalCommitted(deadline));
    }

    private void leaveSerf(boolean wasLeader) {
        serf.leave(() -> {
            serf.shutdown();
            if (wasLeader) {
                onLeft.run();
            } else {
                awaitRemoval(ctx.now() + GRACE_NANOS);
            }
        });
    }

    private void awaitRemoval(long deadline) {
        if (!raft.view().configuration().contains(raft.id()) || ctx.now() >= deadline) {
            onLeft.run();
            return;
        }
        ctx.setTimer("leave.wait", POLL_NANOS, () -> awaitRemoval(deadline));
    }
}
