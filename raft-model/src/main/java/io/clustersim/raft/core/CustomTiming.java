package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.port.RaftTimer;

/**
 * The paper's timing (section 5.2): an election timer drawn uniformly from [min, max), reset by
 * every AppendEntries from the current leader and by granting a vote; the leader sends
 * AppendEntries to everyone every heartbeat interval. Optional CheckQuorum (thesis, section 6.2).
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

    private void resetElection() {
        cancel(election);
        long span = t.electionTimeoutMaxNanos() - t.electionTimeoutMinNanos();
        long delay = t.electionTimeoutMinNanos() + (span > 0 ? s.random().nextLong(span) : 0);
        election = s.setTimer("raft/election", delay, () -> {
            election = null;
            if (s.role == Role.LEADER) {
                return;
            }
            if (s.role == Role.CANDIDATE) {
                s.elections.electionTimeout();
            } else {
                s.leaderId = null;
                s.elections.campaign(false);
            }
            if (s.role == Role.FOLLOWER && election == null) {
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
    public void becomeFollower(boolean wasFollower) {
        stopLeaderTimers();
        resetElection();
    }

    @Override
    public void becomeCandidate() {
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
    public boolean refusesVotesFor(NodeId candidate) {
        return t.checkQuorum() && s.leaderId != null && s.now() - lastLeaderContact < t.electionTimeoutMinNanos();
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
