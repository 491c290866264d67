package io.clustersim.raft.core;

import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;

/**
 * When a server suspects its leader is gone, campaigns, heartbeats and steps down: one
 * implementation per {@link TimingProfile}, each following its reference implementation (the
 * paper and LogCabin, hashicorp/raft, etcd raft). The core tells the driver about role changes and
 * leader contact; the driver owns the timers and calls back into the core.
 */
interface TimingDriver {
    static TimingDriver create(RaftServer s) {
        TimingProfile t = s.config.timing();
        if (t instanceof TimingProfile.Hashicorp h) {
            return new HashicorpTiming(s, h);
        } else if (t instanceof TimingProfile.Etcd e) {
            return new EtcdTiming(s, e);
        } else if (t instanceof TimingProfile.Custom c) {
            return new CustomTiming(s, c);
        }
        throw new IllegalArgumentException("unknown timing profile " + t);
    }

    /** The server started (as a follower). */
    void start();

    /**
     * The server is now a follower, coming {@code from} that role; {@code from} is FOLLOWER when
     * a follower only adopted a newer term. Whether this re-arms the election timer is the
     * profile's most consequential rule.
     */
    void becomeFollower(Role from);

    /** A candidate starts a round: a pre-vote, or a real election. */
    void becomeCandidate(boolean preVote);

    void becomeLeader();

    /** The leader starts replicating to {@code p}. */
    default void peerAdded(Progress p) {}

    /** The leader stops replicating to {@code p}. */
    default void peerRemoved(Progress p) {}

    /** A request from the current leader arrived; {@code success} unless the log check failed. */
    void appendFromLeader(boolean success);

    /** This server granted a (real) vote. */
    void voteGranted();

    /**
     * The profile's own rules for a vote request, checked before the rules every profile shares
     * (term, one vote per term, log up to date): null to go on, or why the vote is refused
     * (leader stickiness, a leader lease).
     */
    VoteReason screen(RequestVote req);

    /** Requests this profile drops without an answer (etcd ignores some); the rest get one. */
    default boolean dropsUnanswered(RequestVote req) {
        return false;
    }

    /**
     * Whether a candidate that can no longer win a round becomes a follower at once (etcd's
     * {@code stepCandidate} on VoteLost) rather than waiting for its election timer.
     */
    default boolean followsWhenRoundLost() {
        return false;
    }

    /** The election timeout, after which a leadership transfer is abandoned. */
    long electionTimeoutNanos();
}
