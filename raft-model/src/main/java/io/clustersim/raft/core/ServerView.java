package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;

/** The read-only view of a {@link RaftServer} handed to observers and hosts. */
final class ServerView implements RaftView {
    private final RaftServer s;

    ServerView(RaftServer s) {
        this.s = s;
    }

    @Override
    public NodeId id() {
        return s.id;
    }

    @Override
    public Role role() {
        return s.role;
    }

    @Override
    public long currentTerm() {
        return s.currentTerm;
    }

    @Override
    public NodeId leader() {
        return s.leaderId;
    }

    @Override
    public long commitIndex() {
        return s.commitIndex;
    }

    @Override
    public long lastApplied() {
        return s.lastApplied;
    }

    @Override
    public long lastLogIndex() {
        return s.log.lastIndex();
    }

    @Override
    public long lastLogTerm() {
        return s.log.lastTerm();
    }

    @Override
    public long snapshotIndex() {
        return s.snapshot == null ? 0 : s.snapshot.lastIndex();
    }

    @Override
    public long termAt(long index) {
        return s.log.termAt(index);
    }

    @Override
    public long prefixDigest(long index) {
        return s.log.prefixDigest(index);
    }

    @Override
    public LogEntry entryAt(long index) {
        return s.log.entry(index);
    }

    @Override
    public Configuration configuration() {
        return s.membership.latest();
    }

    @Override
    public boolean isVoter() {
        return s.membership.latest().isVoter(s.id);
    }

    @Override
    public long lastContactNanos() {
        return s.lastContact;
    }

    @Override
    public String toString() {
        return s.toString();
    }
}
