package io.clustersim.raft.observe;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.RequestVote;

/**
 * Callbacks a server makes as its state changes, for checkers, metrics and traces. Every method has
 * an empty default. Implementations must not call back into the server's protocol methods.
 */
public interface RaftObserver {
    /** No-op observer. */
    RaftObserver NONE = new RaftObserver() {};

    /** A (re)started server recovered its durable state. */
    default void serverStarted(NodeId node, RaftView view) {}

    default void roleChanged(NodeId node, long term, Role from, Role to) {}

    /** A candidate started a round: a pre-vote for {@code term} or an election in {@code term}. */
    default void electionStarted(NodeId node, long term, boolean preVote) {}

    /** {@code node} granted its vote in {@code term} to {@code candidate} (before it is durable). */
    default void voteGranted(NodeId node, long term, NodeId candidate) {}

    /**
     * {@code node}'s election timer (or hashicorp's heartbeat check) found the leader silent and
     * is about to campaign, in the role it had then (a follower, or a candidate starting a new
     * round); {@code term} is its term before campaigning.
     */
    default void electionTimerFired(NodeId node, long term, Role role) {}

    /**
     * {@code voter} answered {@code request}: granted or refused, and why. A null
     * {@code reason} means the profile dropped the request without an answer (etcd).
     */
    default void voteDecided(NodeId voter, RequestVote request, boolean granted, VoteReason reason) {}

    /** A candidate's round can no longer win: too many voters refused. */
    default void roundLost(NodeId node, long term, boolean preVote) {}

    /** {@code node} accepted {@code leader} as the leader of {@code term} (its first request in it). */
    default void leaderDiscovered(NodeId node, long term, NodeId leader) {}

    /** {@code node} won the election of {@code term}. */
    default void leaderElected(NodeId node, long term, RaftView view) {}

    /** Entries {@code fromIndex..toIndex} were appended to {@code node}'s log (in memory). */
    default void logAppended(NodeId node, long fromIndex, long toIndex, RaftView view) {}

    /** Entries from {@code fromIndex} on were deleted from {@code node}'s log. */
    default void logTruncated(NodeId node, long fromIndex) {}

    /**
     * {@code node} learned, in {@code term}, that {@code entry} is committed. A leader learns it
     * first, so the term of the first report is the term the entry was committed in (the Raft
     * paper's Leader Completeness property is stated in those terms).
     */
    default void entryCommitted(NodeId node, long term, LogEntry entry, long prefixDigest) {}

    /** {@code node} applied {@code entry} to its state machine. */
    default void entryApplied(NodeId node, LogEntry entry, long prefixDigest) {}

    default void snapshotTaken(NodeId node, Snapshot snapshot) {}

    /** {@code node} replaced its state with a snapshot received from the leader. */
    default void snapshotInstalled(NodeId node, Snapshot snapshot) {}

    /** The latest configuration of {@code node} changed (appended, truncated or restored). */
    default void configurationChanged(NodeId node, long index, Configuration configuration) {}

    /** The leader {@code node} acknowledged a client's write, committed at {@code index}/{@code term}. */
    default void clientWriteAcknowledged(NodeId node, RequestId requestId, long index, long term) {}
}
