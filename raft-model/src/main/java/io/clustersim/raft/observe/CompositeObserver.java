package io.clustersim.raft.observe;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.RequestVote;
import java.util.ArrayList;
import java.util.List;

/** Forwards every callback to several observers, in the order they were added. */
public final class CompositeObserver implements RaftObserver {
    private final List<RaftObserver> observers = new ArrayList<>();

    public CompositeObserver add(RaftObserver observer) {
        observers.add(observer);
        return this;
    }

    @Override
    public void serverStarted(NodeId node, RaftView view) {
        for (RaftObserver o : observers) {
            o.serverStarted(node, view);
        }
    }

    @Override
    public void roleChanged(NodeId node, long term, Role from, Role to) {
        for (RaftObserver o : observers) {
            o.roleChanged(node, term, from, to);
        }
    }

    @Override
    public void electionStarted(NodeId node, long term, boolean preVote) {
        for (RaftObserver o : observers) {
            o.electionStarted(node, term, preVote);
        }
    }

    @Override
    public void voteGranted(NodeId node, long term, NodeId candidate) {
        for (RaftObserver o : observers) {
            o.voteGranted(node, term, candidate);
        }
    }

    @Override
    public void electionTimerFired(NodeId node, long term, Role role) {
        for (RaftObserver o : observers) {
            o.electionTimerFired(node, term, role);
        }
    }

    @Override
    public void voteDecided(NodeId voter, RequestVote request, boolean granted, VoteReason reason) {
        for (RaftObserver o : observers) {
            o.voteDecided(voter, request, granted, reason);
        }
    }

    @Override
    public void roundLost(NodeId node, long term, boolean preVote) {
        for (RaftObserver o : observers) {
            o.roundLost(node, term, preVote);
        }
    }

    @Override
    public void leaderDiscovered(NodeId node, long term, NodeId leader) {
        for (RaftObserver o : observers) {
            o.leaderDiscovered(node, term, leader);
        }
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        for (RaftObserver o : observers) {
            o.leaderElected(node, term, view);
        }
    }

    @Override
    public void logAppended(NodeId node, long fromIndex, long toIndex, RaftView view) {
        for (RaftObserver o : observers) {
            o.logAppended(node, fromIndex, toIndex, view);
        }
    }

    @Override
    public void logTruncated(NodeId node, long fromIndex) {
        for (RaftObserver o : observers) {
            o.logTruncated(node, fromIndex);
        }
    }

    @Override
    public void entryCommitted(NodeId node, long term, LogEntry entry, long prefixDigest) {
        for (RaftObserver o : observers) {
            o.entryCommitted(node, term, entry, prefixDigest);
        }
    }

    @Override
    public void entryApplied(NodeId node, LogEntry entry, long prefixDigest) {
        for (RaftObserver o : observers) {
            o.entryApplied(node, entry, prefixDigest);
        }
    }

    @Override
    public void snapshotTaken(NodeId node, Snapshot snapshot) {
        for (RaftObserver o : observers) {
            o.snapshotTaken(node, snapshot);
        }
    }

    @Override
    public void snapshotInstalled(NodeId node, Snapshot snapshot) {
        for (RaftObserver o : observers) {
            o.snapshotInstalled(node, snapshot);
        }
    }

    @Override
    public void configurationChanged(NodeId node, long index, Configuration configuration) {
        for (RaftObserver o : observers) {
            o.configurationChanged(node, index, configuration);
        }
    }

    @Override
    public void clientWriteAcknowledged(NodeId node, RequestId requestId, long index, long term) {
        for (RaftObserver o : observers) {
            o.clientWriteAcknowledged(node, requestId, index, term);
        }
    }
}
