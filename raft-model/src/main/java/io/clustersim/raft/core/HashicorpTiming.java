package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.port.RaftTimer;

/** hashicorp/raft v1.7.3 timing (reference sections 1.2, 1.3, 1.5). */
final class HashicorpTiming implements TimingDriver {
    /** raft.go minCheckInterval. */
    static final long MIN_CHECK_INTERVAL_NANOS = 10_000_000L;

    private final RaftServer s;
    private final TimingProfile.Hashicorp t;
    private RaftTimer check;
    private RaftTimer election;
    private RaftTimer lease;

    HashicorpTiming(RaftServer s, TimingProfile.Hashicorp t) {
        this.s = s;
        this.t = t;
    }

    @Override
    public void start() {
        armCheck();
    }

    @Override
    public void becomeFollower(boolean wasFollower) {
        cancel(election);
        cancel(lease);
        election = null;
        lease = null;
        if (!wasFollower || check == null) {
            armCheck();
        }
    }

    /**
     * runFollower: every randomTimeout(HT) look at lastContact; only the check re-arms the timer,
     * not the contact, so detection after the last contact takes [HT, 3HT).
     */
    private void armCheck() {
        cancel(check);
        check = s.setTimer("raft/heartbeat-check", s.randomTimeout(t.heartbeatTimeoutNanos()), () -> {
            check = null;
            if (s.role != Role.FOLLOWER) {
                return;
            }
            armCheck();
            if (s.now() - s.lastContact < t.heartbeatTimeoutNanos()) {
                return;
            }
            s.leaderId = null;
            // Non-voters and servers without a configuration never start elections.
            s.elections.campaign(false);
        });
    }

    @Override
    public void becomeCandidate() {
        cancel(check);
        check = null;
        cancel(election);
        election = s.setTimer("raft/election", s.randomTimeout(t.electionTimeoutNanos()), () -> {
            election = null;
            s.elections.electionTimeout();
        });
    }

    @Override
    public void becomeLeader() {
        cancel(check);
        cancel(election);
        check = null;
        election = null;
        lease = s.setTimer("raft/lease", t.leaderLeaseTimeoutNanos(), this::checkLease);
    }

    /** checkLeaderLease, then re-check after (lease - largest contact age), at least 10ms. */
    private void checkLease() {
        lease = null;
        if (s.role != Role.LEADER) {
            return;
        }
        long maxDiff = s.replicator.checkLease(t.leaderLeaseTimeoutNanos());
        if (s.role != Role.LEADER) {
            return;
        }
        long next = Math.max(t.leaderLeaseTimeoutNanos() - maxDiff, MIN_CHECK_INTERVAL_NANOS);
        lease = s.setTimer("raft/lease", next, this::checkLease);
    }

    /**
     * Per follower: a bare heartbeat every randomTimeout(HT/10) and an AppendEntries (entries or
     * just the commit index) every randomTimeout(CommitTimeout).
     */
    @Override
    public void peerAdded(Progress p) {
        armHeartbeat(p);
        armReplicate(p);
    }

    private void armHeartbeat(Progress p) {
        p.heartbeatTimer = s.setTimer("raft/heartbeat/" + p.id.name(), s.randomTimeout(t.heartbeatIntervalNanos()), () -> {
            s.replicator.heartbeat(p);
            armHeartbeat(p);
        });
    }

    private void armReplicate(Progress p) {
        p.replicateTimer = s.setTimer("raft/replicate/" + p.id.name(), s.randomTimeout(t.commitTimeoutNanos()), () -> {
            s.replicator.replicate(p, true);
            armReplicate(p);
        });
    }

    @Override
    public void peerRemoved(Progress p) {
        p.cancelTimers();
    }

    @Override
    public void appendFromLeader(boolean success) {
        // lastContact, which the check loop reads, is kept by the core.
    }

    @Override
    public void voteGranted() {}

    /** Leader stickiness: a known leader other than the candidate means no vote (requestVote step 2). */
    @Override
    public boolean refusesVotesFor(NodeId candidate) {
        return s.leaderId != null && !s.leaderId.equals(candidate);
    }

    @Override
    public long electionTimeoutNanos() {
        return t.electionTimeoutNanos();
    }

    private static void cancel(RaftTimer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
