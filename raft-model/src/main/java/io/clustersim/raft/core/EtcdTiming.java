package io.clustersim.raft.core;

import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;

/**
 * etcd raft's logical clock (etcd-io/raft {@code raft.go}): one tick timer; followers and
 * candidates count ticks since they last heard from a leader ({@code tickElection}) and campaign
 * after a randomised timeout in [electionTick, 2 electionTick); the leader heartbeats every
 * heartbeatTick and, with CheckQuorum, steps down if a quorum was not active during the last
 * electionTick ticks ({@code tickHeartbeat}).
 *
 * <p>Each server ticks in its own phase: real processes start at different instants, and servers
 * ticking in lockstep would time out together far more often than real ones do.
 */
final class EtcdTiming implements TimingDriver {
    private final RaftServer s;
    private final TimingProfile.Etcd t;
    private int electionElapsed;
    private int heartbeatElapsed;
    private int randomizedElectionTimeout;

    EtcdTiming(RaftServer s, TimingProfile.Etcd t) {
        this.s = s;
        this.t = t;
    }

    @Override
    public void start() {
        reset();
        // This server's tick phase: its first tick comes at a random point within one tick.
        s.setTimer("raft/tick", s.random().nextLong(t.tickNanos()), this::tick);
    }

    private void tick() {
        s.setTimer("raft/tick", t.tickNanos(), this::tick);
        if (s.role == Role.LEADER) {
            tickHeartbeat();
        } else {
            tickElection();
        }
    }

    /**
     * etcd {@code reset}: counters cleared and a new randomised timeout. {@code becomeFollower},
     * {@code becomeCandidate} and {@code becomeLeader} all call it, whatever the previous role.
     */
    private void reset() {
        electionElapsed = 0;
        heartbeatElapsed = 0;
        randomizedElectionTimeout = t.electionTick() + s.random().nextInt(t.electionTick());
    }

    private void tickElection() {
        electionElapsed++;
        if (electionElapsed >= randomizedElectionTimeout) {
            electionElapsed = 0;
            s.observer.electionTimerFired(s.id, s.currentTerm, s.role);
            // MsgHup: campaign (a pre-candidate or candidate starts a new round).
            if (s.role == Role.CANDIDATE) {
                s.elections.electionTimeout();
            } else {
                s.leaderId = null;
                s.elections.campaign(false);
            }
        }
    }

    private void tickHeartbeat() {
        heartbeatElapsed++;
        electionElapsed++;
        if (electionElapsed >= t.electionTick()) {
            electionElapsed = 0;
            if (t.checkQuorum() && !s.replicator.quorumActive()) {
                s.becomeFollower();
                return;
            }
            // A transfer that did not finish within an election timeout is abandoned.
            s.replicator.endTransfer();
        }
        if (heartbeatElapsed >= t.heartbeatTick()) {
            heartbeatElapsed = 0;
            s.replicator.replicateAll();
        }
    }

    @Override
    public void becomeFollower(Role from) {
        reset();
    }

    /**
     * {@code becomePreCandidate} changes neither term nor timer ({@code tickElection} has just
     * cleared electionElapsed); {@code becomeCandidate} calls {@code reset}.
     */
    @Override
    public void becomeCandidate(boolean preVote) {
        if (preVote) {
            electionElapsed = 0;
        } else {
            reset();
        }
    }

    @Override
    public void becomeLeader() {
        reset();
    }

    /** {@code stepFollower} MsgApp, MsgHeartbeat, MsgSnap: electionElapsed = 0, matching log or not. */
    @Override
    public void appendFromLeader(boolean success) {
        electionElapsed = 0;
    }

    /** {@code Step} MsgVote granted: electionElapsed = 0 (a granted pre-vote leaves it alone). */
    @Override
    public void voteGranted() {
        electionElapsed = 0;
    }

    /** CheckQuorum's leader lease ({@code Step}: inLease). */
    private boolean inLease() {
        return t.checkQuorum() && s.leaderId != null && electionElapsed < t.electionTick();
    }

    /**
     * {@code Step}: a vote request of a higher term is ignored, unanswered, while in the lease
     * (unless it is a leadership transfer's); a real vote request of a lower term is ignored
     * (only a pre-vote gets an answer, so that the pre-candidate learns the term).
     */
    @Override
    public boolean dropsUnanswered(RequestVote req) {
        boolean transfer = req.leadershipTransfer() && !req.preVote();
        if (req.term() > s.currentTerm) {
            return !transfer && inLease();
        }
        return req.term() < s.currentTerm && !req.preVote();
    }

    /**
     * {@code Step} canVote: in the voter's own term, a vote only for the candidate it already
     * voted for, or when it has neither voted nor heard of a leader.
     */
    @Override
    public VoteReason screen(RequestVote req) {
        boolean votedForCandidate = s.votedTerm == s.currentTerm && req.candidate().equals(s.votedFor);
        if (req.term() == s.currentTerm && s.leaderId != null && !votedForCandidate) {
            return VoteReason.LEADER_KNOWN;
        }
        return null;
    }

    /** {@code stepCandidate}: VoteLost makes a (pre-)candidate a follower in its current term. */
    @Override
    public boolean followsWhenRoundLost() {
        return true;
    }

    @Override
    public long electionTimeoutNanos() {
        return t.electionTick() * t.tickNanos();
    }
}
