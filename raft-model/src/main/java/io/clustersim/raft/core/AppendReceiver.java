package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RaftLog;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.InstallSnapshotResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.storage.PersistOp;
import java.util.ArrayList;
import java.util.List;

/** The receiver side of AppendEntries and InstallSnapshot (paper, Figure 2 and Figure 13). */
final class AppendReceiver {
    private final RaftServer s;

    AppendReceiver(RaftServer s) {
        this.s = s;
    }

    void onAppendEntries(NodeId from, AppendEntries a) {
        if (a.term() < s.currentTerm) {
            s.reply(from, failure(a));
            return;
        }
        acceptLeader(a.term(), a.leader());
        // Consistency check (section 5.3). Entries up to the snapshot are committed, so they match.
        long prev = a.prevLogIndex();
        if (prev > s.log.baseIndex() && s.log.termAt(prev) != a.prevLogTerm()) {
            // hashicorp: a mismatch returns early without updating lastContact.
            s.timing.appendFromLeader(false);
            s.reply(from, failure(a));
            return;
        }
        List<LogEntry> fresh = new ArrayList<>();
        for (LogEntry e : a.entries()) {
            if (!fresh.isEmpty()) {
                fresh.add(e);
                continue;
            }
            if (e.index() <= s.log.baseIndex()) {
                continue;
            }
            long ours = s.log.termAt(e.index());
            if (ours == e.term()) {
                continue;
            }
            if (ours != RaftLog.UNKNOWN) {
                // An existing entry conflicts: delete it and all that follow it (section 5.3).
                s.truncateLog(e.index());
            }
            fresh.add(e);
        }
        if (!fresh.isEmpty()) {
            s.appendEntries(fresh);
        }
        // Figure 2: commitIndex = min(leaderCommit, index of last new entry). Only what this
        // request verified may be committed; a stale suffix beyond it may not.
        long lastNew = prev + a.entries().size();
        long commit = Math.min(a.leaderCommit(), lastNew);
        if (commit > s.commitIndex) {
            s.applier.commitTo(commit);
        }
        s.lastContact = s.now();
        s.timing.appendFromLeader(true);
        s.reply(from, new AppendEntriesResponse(s.currentTerm, true, s.log.lastIndex(), lastNew, a.seq(), a.heartbeat()));
    }

    void onInstallSnapshot(NodeId from, InstallSnapshot m) {
        Snapshot snap = m.snapshot();
        if (m.term() < s.currentTerm) {
            s.reply(from, new InstallSnapshotResponse(s.currentTerm, false, snap.lastIndex(), m.seq()));
            return;
        }
        acceptLeader(m.term(), m.leader());
        if (snap.lastIndex() > s.commitIndex) {
            install(snap);
        }
        s.lastContact = s.now();
        s.timing.appendFromLeader(true);
        s.reply(from, new InstallSnapshotResponse(s.currentTerm, true, snap.lastIndex(), m.seq()));
    }

    /** Figure 13, steps 6 to 8: keep a matching suffix, else discard the log; reset the state machine. */
    private void install(Snapshot snap) {
        boolean keepSuffix = s.log.termAt(snap.lastIndex()) == snap.lastTerm();
        if (keepSuffix) {
            s.log.compactThrough(snap.lastIndex());
        } else {
            s.log.resetTo(snap.lastIndex(), snap.lastTerm(), snap.prefixDigest());
            s.observer.logTruncated(s.id, snap.lastIndex() + 1);
        }
        s.membership.restore(snap.configurationIndex(), snap.configuration(), snap.lastIndex(), keepSuffix);
        s.observer.configurationChanged(s.id, s.membership.latestIndex(), s.membership.latest());
        s.fsm.restore(snap.state());
        s.snapshot = snap;
        s.commitIndex = snap.lastIndex();
        s.lastApplied = snap.lastIndex();
        s.persistence.enqueue(new PersistOp.InstallSnapshot(snap, keepSuffix));
        s.observer.snapshotInstalled(s.id, snap);
    }

    /**
     * A request from a leader of at least our term: adopt the term and follow (section 5.2); a
     * candidate of the same term steps down, except one started by a leadership transfer
     * (hashicorp appendEntries).
     */
    private void acceptLeader(long term, NodeId leader) {
        if (term > s.currentTerm) {
            s.adoptTerm(term);
        }
        if (s.role != Role.FOLLOWER && !(s.role == Role.CANDIDATE && s.candidateFromTransfer)) {
            s.becomeFollower();
        }
        if (!leader.equals(s.leaderId)) {
            s.leaderId = leader;
            s.observer.leaderDiscovered(s.id, s.currentTerm, leader);
        }
    }

    private AppendEntriesResponse failure(AppendEntries a) {
        return new AppendEntriesResponse(s.currentTerm, false, s.log.lastIndex(), 0, a.seq(), a.heartbeat());
    }
}
