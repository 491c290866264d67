package io.clustersim.model.server;

import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.observe.RaftView;

/**
 * What Status.RaftStats reports for autopilot's health check (raft-autopilot {@code ServerStats}):
 * how long since the server last heard from its leader (0 for the leader itself), and its last
 * log entry's term and index.
 */
public record RaftStats(long lastContactNanos, long lastTerm, long lastIndex) {
    static RaftStats of(RaftServer raft, long now) {
        RaftView v = raft.view();
        long contact = raft.isLeader() ? 0 : Math.max(0, now - v.lastContactNanos());
        return new RaftStats(contact, v.lastLogTerm(), v.lastLogIndex());
    }
}
