package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.port.RaftTimer;

/** The leader's replication state for one follower (paper, Figure 2: nextIndex, matchIndex). */
final class Progress {
    /** How the leader currently sends to this follower. */
    enum Mode {
        /** Looking for the point where the logs agree: one request at a time (hashicorp's sync mode). */
        PROBE,
        /** Logs agree: send new entries as they come, advancing nextIndex optimistically (pipeline). */
        PIPELINE,
        /** An InstallSnapshot is on its way. */
        SNAPSHOT
    }

    final NodeId id;
    long nextIndex;
    long matchIndex;
    Mode mode = Mode.PROBE;
    boolean probeOutstanding;
    /** Sequence number of the outstanding probe or snapshot. */
    long outstandingSeq;
    int inflight;
    /** Rejections of requests sent before this sequence number are stale. */
    long resetSeq;
    long snapshotSentAt;
    /** Last time any response came back (hashicorp's per-follower LastContact). */
    long lastContact;
    /** Heard from since the last quorum check (etcd's RecentActive). */
    boolean recentActive;
    boolean timeoutNowSent;
    RaftTimer heartbeatTimer;
    RaftTimer replicateTimer;
    /**
     * The two timers' names, made once: they fire some twenty times a second per follower, and a
     * name built each time is a new string the trace must hash again.
     */
    final String heartbeatTimerName;
    final String replicateTimerName;

    Progress(NodeId id, long nextIndex, long now) {
        this.id = id;
        this.heartbeatTimerName = "raft/heartbeat/" + id.name();
        this.replicateTimerName = "raft/replicate/" + id.name();
        this.nextIndex = nextIndex;
        this.lastContact = now;
    }

    void cancelTimers() {
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel();
            heartbeatTimer = null;
        }
        if (replicateTimer != null) {
            replicateTimer.cancel();
            replicateTimer = null;
        }
    }

    @Override
    public String toString() {
        return id + "[next=" + nextIndex + " match=" + matchIndex + " " + mode + "]";
    }
}
