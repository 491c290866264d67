package io.clustersim.raft.core;

import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;
import io.clustersim.raft.port.RaftTimer;

/**
 * The paper's timing (section 5.2, Figure 2 "Followers"), as LogCabin implements it: an election
 * timer drawn uniformly from [min, max), reset only by an AppendEntries from the current leader
 * and by granting a vote; the leader sends AppendEntries to everyone every heartbeat interval.
 *
 * <p>Stepping down does not re-arm the timer, except for a leader, which has none (LogCabin
 * {@code RaftConsensus::stepDown} calls {@code setElectionTimer} only when the election timer was
 * off, i.e. the server led). A follower that merely adopts a higher term from a RequestVote it
 * rejects keeps its timer: otherwise a candidate with a stale log would push back the up-to-date
 * servers' timers with every round and win the race to the next timeout again and again.
 * Optional CheckQuorum (thesis, section 6.2).
 */
final class CustomTiming implements TimingDriver {
    private final RaftServer s;
    private final TimingProfile.Custom t;
    private RaftTimer election;
    private RaftTimer heartbeat;
    private RaftTimer quorumCheck;
    private long lastLeaderContact = Long.MIN_VALUE / 4;

    CustomTiming(RaftServer s, TimingProfile.Custom t) {
        this.s = s;
        this.t = t;
    }

    @Override
    public void start() {
        resetElection();
    }

    /** LogCabin {@code setElectionTimer}: a new deadline uniformly in [min, max). */
    private void resetElection() {
        cancel(election);
        long span = t.electionTimeoutMaxNanos() - t.electionTimeoutMinNanos();
        long delay = t.electionTimeoutMinNanos() + (span > 0 ? s.random().nextLong(span) : 0);
        election = s.setTimer("raft/election", delay, () -> {
            election = null;
            if (s.role == Role.LEADER) {
                return;
            }
            s.observer.electionTimerFired(s.id, s.currentTerm, s.role);
            if (s.role == Role.CANDIDATE) {
                s.elections.electionTimeout();
            } else {
                s.leaderId = null;
                s.elections.campaign(false);
            }
            if (s.role == Role.FOLLOWER && election == null) {
                // A non-voter, or a server without a configuration, keeps waiting.
                resetElection();
            }
        });
    }

    private void stopLeaderTimers() {
        cancel(heartbeat);
        cancel(quorumCheck);
        heartbeat = null;
        quorumCheck = null;
    }

    @Override
    public void becomeFollower(Role from) {
        stopLeaderTimers();
        if (from == Role.LEADER || election == null) {
            resetElection();
        }
    }

    @Override
    public void becomeCandidate(boolean preVote) {
        resetElection();
    }

    @Override
    public void becomeLeader() {
        cancel(election);
        election = null;
        armHeartbeat();
        if (t.checkQuorum()) {
            armQuorumCheck();
        }
    }

    private void armHeartbeat() {
        heartbeat = s.setTimer("raft/heartbeat", t.heartbeatIntervalNanos(), () -> {
            if (s.role == Role.LEADER) {
                s.replicator.replicateAll();
                armHeartbeat();
            }
        });
    }

    private void armQuorumCheck() {
        quorumCheck = s.setTimer("raft/check-quorum", t.electionTimeoutMinNanos(), () -> {
            if (s.role != Role.LEADER) {
                return;
            }
            if (!s.replicator.quorumActive()) {
                s.becomeFollower();
                return;
            }
            s.replicator.endTransfer();
            armQuorumCheck();
        });
    }

    /** Figure 2: an AppendEntries from the current leader resets the timer, matching log or not. */
    @Override
    public void appendFromLeader(boolean success) {
        lastLeaderContact = s.now();
        resetElection();
    }

    @Override
    public void voteGranted() {
        resetElection();
    }

    /** Thesis section 4.2.3: within a minimum election timeout of hearing from a leader, no votes. */
    @Override
    public VoteReason screen(RequestVote req) {
        boolean transfer = req.leadershipTransfer() && !req.preVote();
        if (!transfer && t.checkQuorum() && s.leaderId != null
                && s.now() - lastLeaderContact < t.electionTimeoutMinNanos()) {
            return VoteReason.IN_LEASE;
        }
        return null;
    }

    @Override
    public long electionTimeoutNanos() {
        return t.electionTimeoutMaxNanos();
    }

    private static void cancel(RaftTimer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
