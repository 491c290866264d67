package io.clustersim.raft.core;

import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;
import io.clustersim.raft.port.RaftTimer;

/** hashicorp/raft v1.7.3 timing (raft.go runFollower, runCandidate, checkLeaderLease; replication.go heartbeat; util.go randomTimeout). */
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

    /**
     * Entering runFollower creates a fresh heartbeat timer; a follower that only adopts a newer
     * term (setCurrentTerm in requestVote or appendEntries) stays in runFollower's loop and keeps
     * the timer it has. Neither touches lastContact, which only a successful AppendEntries,
     * InstallSnapshot or a granted vote sets.
     */
    @Override
    public void becomeFollower(Role from) {
        cancel(election);
        cancel(lease);
        election = null;
        lease = null;
        if (from != Role.FOLLOWER || check == null) {
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
            s.observer.electionTimerFired(s.id, s.currentTerm, Role.FOLLOWER);
            // Non-voters and servers without a configuration never start elections.
            s.elections.campaign(false);
        });
    }

    @Override
    public void becomeCandidate(boolean preVote) {
        cancel(check);
        check = null;
        cancel(election);
        election = s.setTimer("raft/election", s.randomTimeout(t.electionTimeoutNanos()), () -> {
            election = null;
            // runCandidate: "Election timeout reached, restarting election".
            s.observer.electionTimerFired(s.id, s.currentTerm, Role.CANDIDATE);
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
        p.heartbeatTimer = s.setTimer(p.heartbeatTimerName, s.randomTimeout(t.heartbeatIntervalNanos()), () -> {
            s.replicator.heartbeat(p);
            armHeartbeat(p);
        });
    }

    private void armReplicate(Progress p) {
        p.replicateTimer = s.setTimer(p.replicateTimerName, s.randomTimeout(t.commitTimeoutNanos()), () -> {
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

    /**
     * Leader stickiness (requestVote and requestPreVote, step 2): a known leader other than the
     * candidate means no vote. Only a real vote of a leadership transfer is exempt.
     */
    @Override
    public VoteReason screen(RequestVote req) {
        boolean transfer = req.leadershipTransfer() && !req.preVote();
        if (!transfer && s.leaderId != null && !s.leaderId.equals(req.candidate())) {
            return VoteReason.LEADER_KNOWN;
        }
        return null;
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
