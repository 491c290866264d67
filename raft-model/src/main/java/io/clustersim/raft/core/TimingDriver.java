package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.TimingProfile;

/**
 * When a server suspects its leader is gone, campaigns, heartbeats and steps down: one
 * implementation per {@link TimingProfile}. The core tells the driver about role changes and
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

    /** Became a follower, or adopted a newer term while one ({@code wasFollower}). */
    void becomeFollower(boolean wasFollower);

    /** A candidate starts a round (pre-vote or vote). */
    void becomeCandidate();

    void becomeLeader();

    /** The leader starts replicating to {@code p}. */
    default void peerAdded(Progress p) {}

    /** The leader stops replicating to {@code p}. */
    default void peerRemoved(Progress p) {}

    /** A request from the current leader arrived; {@code success} unless the log check failed. */
    void appendFromLeader(boolean success);

    /** This server granted a vote. */
    void voteGranted();

    /** Leader stickiness or lease: refuse votes for {@code candidate} now? */
    boolean refusesVotesFor(NodeId candidate);

    /** The election timeout, after which a leadership transfer is abandoned. */
    long electionTimeoutNanos();
}
