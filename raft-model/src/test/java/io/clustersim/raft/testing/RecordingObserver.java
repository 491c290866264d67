package io.clustersim.raft.testing;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records every observer callback as one line, {@code "s1 roleChanged t2 FOLLOWER->CANDIDATE"},
 * so tests can assert what servers reported and in which order.
 */
public final class RecordingObserver implements RaftObserver {
    private final List<String> events = new ArrayList<>();

    public List<String> events() {
        return events;
    }

    /** The events of {@code node} whose text starts with {@code prefix} (e.g. "roleChanged"). */
    public List<String> of(NodeId node, String prefix) {
        String head = node.name() + " " + prefix;
        return events.stream().filter(e -> e.startsWith(head)).collect(Collectors.toList());
    }

    public void clear() {
        events.clear();
    }

    private void add(NodeId node, String text) {
        events.add(node.name() + " " + text);
    }

    @Override
    public void serverStarted(NodeId node, RaftView view) {
        add(node, "serverStarted");
    }

    @Override
    public void roleChanged(NodeId node, long term, Role from, Role to) {
        add(node, "roleChanged t" + term + " " + from + "->" + to);
    }

    @Override
    public void electionStarted(NodeId node, long term, boolean preVote) {
        add(node, "electionStarted t" + term + (preVote ? " pre" : ""));
    }

    @Override
    public void voteGranted(NodeId node, long term, NodeId candidate) {
        add(node, "voteGranted t" + term + " " + candidate.name());
    }

    @Override
    public void electionTimerFired(NodeId node, long term, Role role) {
        add(node, "electionTimerFired t" + term + " " + role);
    }

    @Override
    public void voteDecided(NodeId voter, RequestVote request, boolean granted, VoteReason reason) {
        add(voter, "voteDecided " + request.candidate().name() + " t" + request.term() + (request.preVote() ? " pre" : "")
                + " " + (granted ? "granted" : "refused") + " " + reason);
    }

    @Override
    public void roundLost(NodeId node, long term, boolean preVote) {
        add(node, "roundLost t" + term + (preVote ? " pre" : ""));
    }

    @Override
    public void leaderDiscovered(NodeId node, long term, NodeId leader) {
        add(node, "leaderDiscovered t" + term + " " + leader.name());
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        add(node, "leaderElected t" + term);
    }

    @Override
    public void logAppended(NodeId node, long fromIndex, long toIndex, RaftView view) {
        add(node, "logAppended " + fromIndex + ".." + toIndex);
    }

    @Override
    public void logTruncated(NodeId node, long fromIndex) {
        add(node, "logTruncated " + fromIndex);
    }

    @Override
    public void entryCommitted(NodeId node, long term, LogEntry entry, long prefixDigest) {
        add(node, "entryCommitted " + entry.index());
    }

    @Override
    public void entryApplied(NodeId node, LogEntry entry, long prefixDigest) {
        add(node, "entryApplied " + entry.index());
    }

    @Override
    public void snapshotTaken(NodeId node, Snapshot snapshot) {
        add(node, "snapshotTaken " + snapshot.lastIndex());
    }

    @Override
    public void snapshotInstalled(NodeId node, Snapshot snapshot) {
        add(node, "snapshotInstalled " + snapshot.lastIndex());
    }

    @Override
    public void configurationChanged(NodeId node, long index, Configuration configuration) {
        add(node, "configurationChanged " + index + " " + configuration);
    }

    @Override
    public void clientWriteAcknowledged(NodeId node, RequestId requestId, long index, long term) {
        add(node, "clientWriteAcknowledged " + requestId + " " + index + "@" + term);
    }
}
