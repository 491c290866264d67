package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RaftLog;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.InstallSnapshotResponse;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.port.RaftTimer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The leader's side of log replication (paper, section 5.3) and commitment (sections 5.3, 5.4.2):
 * one {@link Progress} per follower, AppendEntries in probe or pipeline mode, InstallSnapshot for
 * followers behind the compacted log, bare heartbeats, and leadership transfer.
 */
final class Replicator {
    /** Entry-carrying requests in flight per pipelined follower before waiting for answers. */
    static final int MAX_INFLIGHT = 16;

    private final RaftServer s;
    private final TreeMap<NodeId, Progress> peers = new TreeMap<>();
    private boolean active;
    private long termStartIndex;
    /** The leader's own durable last index: what it may replicate and count for itself. */
    private long selfMatch;
    private long nextSeq = 1;
    private NodeId transferTarget;
    private RaftTimer transferTimer;

    Replicator(RaftServer s) {
        this.s = s;
    }

    void start() {
        active = true;
        peers.clear();
        // Everything before is durable: the vote round that elected us waited for our writes.
        selfMatch = s.log.lastIndex();
        termStartIndex = s.log.lastIndex() + 1;
        syncPeers();
    }

    void stop() {
        active = false;
        for (Progress p : peers.values()) {
            s.timing.peerRemoved(p);
            p.cancelTimers();
        }
        peers.clear();
        endTransfer();
    }

    /** First index of this leader's term; entries from here on may be committed by counting. */
    long termStartIndex() {
        return termStartIndex;
    }

    /** Starts and stops replication to match the latest configuration. */
    void syncPeers() {
        Configuration latest = s.membership.latest();
        for (NodeId server : latest.servers().keySet()) {
            if (!server.equals(s.id) && !peers.containsKey(server)) {
                Progress p = new Progress(server, s.log.lastIndex() + 1, s.now());
                peers.put(server, p);
                s.timing.peerAdded(p);
                replicate(p, true);
            }
        }
        for (Iterator<Map.Entry<NodeId, Progress>> it = peers.entrySet().iterator(); it.hasNext(); ) {
            Progress p = it.next().getValue();
            if (!latest.contains(p.id)) {
                s.timing.peerRemoved(p);
                p.cancelTimers();
                it.remove();
            }
        }
    }

    /** The leader's own write of entries up to {@code index} (appended in {@code term}) is durable. */
    void localDurable(long index, long term) {
        if (!active || term != s.currentTerm || index <= selfMatch) {
            return;
        }
        selfMatch = Math.min(index, s.log.lastIndex());
        maybeCommit();
        for (Progress p : peers.values()) {
            replicate(p, false);
        }
    }

    // ---- sending ----------------------------------------------------------------------------

    /**
     * Sends what {@code p} lacks. Without {@code force} only new entries go out, within the probe
     * and pipeline limits; with it (idle replication, paper-style heartbeat, retry) a request goes
     * out even if empty, carrying the commit index.
     */
    void replicate(Progress p, boolean force) {
        if (!active) {
            return;
        }
        if (p.mode == Progress.Mode.SNAPSHOT) {
            if (force && s.now() - p.snapshotSentAt >= s.config.snapshotRetryNanos()) {
                sendSnapshot(p);
            }
            return;
        }
        int batches = 0;
        do {
            if (p.nextIndex > s.log.lastIndex() + 1) {
                p.nextIndex = s.log.lastIndex() + 1;
            }
            long prev = p.nextIndex - 1;
            long prevTerm = s.log.termAt(prev);
            if (prevTerm == RaftLog.UNKNOWN) {
                // The entries it needs were compacted into a snapshot (section 7).
                sendSnapshot(p);
                return;
            }
            boolean hasNew = p.nextIndex <= selfMatch;
            boolean mayPipeline = p.mode == Progress.Mode.PIPELINE && p.inflight < MAX_INFLIGHT;
            boolean mayProbe = p.mode == Progress.Mode.PROBE && !p.probeOutstanding;
            if (!(force || (hasNew && (mayPipeline || mayProbe)))) {
                return;
            }
            List<LogEntry> entries = hasNew ? s.log.slice(p.nextIndex, selfMatch, s.config.maxAppendEntries()) : List.of();
            s.send(p.id, new AppendEntries(s.currentTerm, s.id, prev, prevTerm, entries, s.commitIndex, nextSeq++, false));
            if (p.mode == Progress.Mode.PROBE) {
                p.probeOutstanding = true;
                p.outstandingSeq = nextSeq - 1;
                return;
            }
            if (!entries.isEmpty()) {
                p.inflight++;
                p.nextIndex = entries.get(entries.size() - 1).index() + 1;
            }
            force = false;
        } while (p.nextIndex <= selfMatch && ++batches < MAX_INFLIGHT);
    }

    private void sendSnapshot(Progress p) {
        if (s.snapshot == null) {
            throw new IllegalStateException(s.id + ": log compacted without a snapshot");
        }
        p.mode = Progress.Mode.SNAPSHOT;
        p.snapshotSentAt = s.now();
        p.inflight = 0;
        p.outstandingSeq = nextSeq;
        s.send(p.id, new InstallSnapshot(s.currentTerm, s.id, s.snapshot, nextSeq++));
    }

    /** A bare heartbeat: asserts leadership, carries no log position and no commit index. */
    void heartbeat(Progress p) {
        if (active) {
            s.send(p.id, new AppendEntries(s.currentTerm, s.id, 0, 0, List.of(), 0, nextSeq++, true));
        }
    }

    /** Heartbeats every follower now; returns the first sequence number used (for read checks). */
    long heartbeatAll() {
        long first = nextSeq;
        for (Progress p : peers.values()) {
            heartbeat(p);
        }
        return first;
    }

    /** A paper-style heartbeat round: AppendEntries to every follower, empty if nothing is new. */
    void replicateAll() {
        for (Progress p : peers.values()) {
            if (p.mode == Progress.Mode.SNAPSHOT) {
                heartbeat(p);
            }
            replicate(p, true);
        }
    }

    // ---- responses -------------------------------------------------------------------------

    /**
     * The follower's progress if its answer is for this leadership; null if it is stale or carries
     * a newer term (which the server adopts, stepping down). Marks the follower as in contact.
     */
    private Progress answeringPeer(NodeId from, long term) {
        if (term > s.currentTerm) {
            s.adoptTerm(term);
            return null;
        }
        Progress p = peers.get(from);
        if (!active || term < s.currentTerm || p == null) {
            return null;
        }
        contact(p);
        return p;
    }

    void onAppendResponse(NodeId from, AppendEntriesResponse r) {
        Progress p = answeringPeer(from, r.term());
        if (p == null) {
            return;
        }
        s.clients.leadershipConfirmed(from, r.seq());
        if (r.seq() > p.outstandingSeq && (p.probeOutstanding || p.mode == Progress.Mode.SNAPSHOT)) {
            // Links are FIFO and a server answers in order, so an answer to a later request means
            // the outstanding probe or snapshot (or its answer) was lost: send it again.
            p.probeOutstanding = false;
            if (p.mode == Progress.Mode.SNAPSHOT) {
                p.mode = Progress.Mode.PROBE;
            }
            if (r.heartbeat()) {
                replicate(p, true);
            }
        }
        if (r.heartbeat()) {
            return;
        }
        if (p.inflight > 0) {
            p.inflight--;
        }
        if (r.success()) {
            p.probeOutstanding = false;
            if (r.matchIndex() > p.matchIndex) {
                p.matchIndex = r.matchIndex();
                maybeCommit();
                if (!active) {
                    return;
                }
            }
            p.nextIndex = Math.max(p.nextIndex, p.matchIndex + 1);
            if (p.mode == Progress.Mode.PROBE) {
                p.mode = Progress.Mode.PIPELINE;
            }
            checkTransfer(p);
            replicate(p, false);
        } else if (r.seq() >= p.resetSeq) {
            // hashicorp: nextIndex = max(min(nextIndex - 1, follower's lastLog + 1), 1).
            p.nextIndex = Math.max(Math.min(p.nextIndex - 1, r.lastLogIndex() + 1), 1);
            p.nextIndex = Math.max(p.nextIndex, p.matchIndex + 1);
            p.mode = Progress.Mode.PROBE;
            p.probeOutstanding = false;
            p.inflight = 0;
            p.resetSeq = nextSeq;
            replicate(p, true);
        }
    }

    void onSnapshotResponse(NodeId from, InstallSnapshotResponse r) {
        Progress p = answeringPeer(from, r.term());
        if (p == null) {
            return;
        }
        if (p.mode == Progress.Mode.SNAPSHOT) {
            p.mode = Progress.Mode.PROBE;
            p.probeOutstanding = false;
        }
        if (r.success() && r.lastIndex() > p.matchIndex) {
            p.matchIndex = r.lastIndex();
            p.nextIndex = Math.max(p.nextIndex, p.matchIndex + 1);
            maybeCommit();
        }
        replicate(p, true);
    }

    private void contact(Progress p) {
        p.lastContact = s.now();
        p.recentActive = true;
    }

    // ---- commitment -------------------------------------------------------------------------

    /**
     * Commits the highest index stored on a majority of the latest configuration's voters, but
     * only if it is from the current term (section 5.4.2, Figure 8); earlier entries commit with it.
     */
    void maybeCommit() {
        Configuration c = s.membership.latest();
        List<NodeId> voters = c.voters();
        if (voters.isEmpty()) {
            return;
        }
        long[] match = new long[voters.size()];
        for (int i = 0; i < match.length; i++) {
            NodeId v = voters.get(i);
            Progress p = peers.get(v);
            match[i] = v.equals(s.id) ? selfMatch : p == null ? 0 : p.matchIndex;
        }
        Arrays.sort(match);
        long n = match[match.length - c.quorumSize()];
        if (n > s.commitIndex && s.log.termAt(n) == s.currentTerm) {
            s.applier.commitTo(n);
        }
    }

    // ---- lease and quorum checks (used by the timing drivers) ----------------------------------

    /**
     * hashicorp checkLeaderLease: counts voters in contact within {@code lease} (self included);
     * steps down without a quorum. Returns the largest contact age within the lease.
     */
    long checkLease(long lease) {
        Configuration c = s.membership.latest();
        int contacted = c.isVoter(s.id) ? 1 : 0;
        long maxDiff = 0;
        long now = s.now();
        for (Progress p : peers.values()) {
            if (!c.isVoter(p.id)) {
                continue;
            }
            long diff = now - p.lastContact;
            if (diff <= lease) {
                contacted++;
                maxDiff = Math.max(maxDiff, diff);
            }
        }
        if (contacted < c.quorumSize()) {
            s.becomeFollower();
        }
        return maxDiff;
    }

    /** etcd CheckQuorum: were a quorum of voters heard from since the last check? Resets the marks. */
    boolean quorumActive() {
        Configuration c = s.membership.latest();
        int active = c.isVoter(s.id) ? 1 : 0;
        for (Progress p : peers.values()) {
            if (p.recentActive && c.isVoter(p.id)) {
                active++;
            }
            p.recentActive = false;
        }
        return active >= c.quorumSize();
    }

    // ---- leadership transfer ------------------------------------------------------------------

    boolean transferring() {
        return transferTarget != null;
    }

    ChangeResult startTransfer(NodeId target) {
        if (transferTarget != null) {
            return ChangeResult.BUSY;
        }
        Configuration c = s.membership.latest();
        Progress chosen = null;
        if (target == null) {
            for (Progress p : peers.values()) {
                if (c.isVoter(p.id) && (chosen == null || p.matchIndex > chosen.matchIndex)) {
                    chosen = p;
                }
            }
        } else if (c.isVoter(target)) {
            chosen = peers.get(target);
        }
        if (chosen == null) {
            return ChangeResult.INVALID;
        }
        transferTarget = chosen.id;
        chosen.timeoutNowSent = false;
        transferTimer = s.setTimer("raft/transfer", s.timing.electionTimeoutNanos(), this::endTransfer);
        checkTransfer(chosen);
        if (transferTarget != null && !chosen.timeoutNowSent) {
            replicate(chosen, true);
        }
        return ChangeResult.ACCEPTED;
    }

    /** Once the target has every entry, tell it to campaign now. */
    private void checkTransfer(Progress p) {
        if (p.id.equals(transferTarget) && !p.timeoutNowSent && p.matchIndex >= s.log.lastIndex()) {
            p.timeoutNowSent = true;
            s.send(p.id, new TimeoutNow(s.currentTerm));
        }
    }

    /** The transfer ended: it timed out, or this server stopped leading. */
    void endTransfer() {
        transferTarget = null;
        if (transferTimer != null) {
            transferTimer.cancel();
            transferTimer = null;
        }
    }
}
