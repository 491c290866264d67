package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.observe.Role;

/**
 * etcd raft's logical clock: one tick timer; followers and candidates count ticks since they last
 * heard from a leader and campaign after a randomised timeout in [electionTick, 2 electionTick);
 * the leader heartbeats every heartbeatTick and, with CheckQuorum, steps down if a quorum was not
 * active during the last electionTick ticks.
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
        armTick();
    }

    private void armTick() {
        s.setTimer("raft/tick", t.tickNanos(), () -> {
            armTick();
            if (s.role == Role.LEADER) {
                tickHeartbeat();
            } else {
                tickElection();
            }
        });
    }

    /** etcd reset(): new randomised timeout, counters cleared (on every role or term change). */
    private void reset() {
        electionElapsed = 0;
        heartbeatElapsed = 0;
        randomizedElectionTimeout = t.electionTick() + s.random().nextInt(t.electionTick());
    }

    private void tickElection() {
        electionElapsed++;
        if (electionElapsed >= randomizedElectionTimeout) {
            electionElapsed = 0;
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
    public void becomeFollower(boolean wasFollower) {
        reset();
    }

    @Override
    public void becomeCandidate() {
        reset();
    }

    @Override
    public void becomeLeader() {
        reset();
    }

    @Override
    public void appendFromLeader(boolean success) {
        electionElapsed = 0;
    }

    @Override
    public void voteGranted() {
        electionElapsed = 0;
    }

    /** The leader lease of CheckQuorum: heard from a leader within electionTick ticks. */
    @Override
    public boolean refusesVotesFor(NodeId candidate) {
        return t.checkQuorum() && s.leaderId != null && electionElapsed < t.electionTick();
    }

    @Override
    public long electionTimeoutNanos() {
        return t.electionTick() * t.tickNanos();
    }
}
