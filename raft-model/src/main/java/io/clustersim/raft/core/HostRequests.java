package io.clustersim.raft.core;

import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogCommand;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.observe.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A host's own requests on the leader, as a Nomad server's RPC layer makes them through
 * hashicorp/raft's API: {@code Apply} (propose a command, hear when it is applied) and
 * {@code Barrier} (hear when everything before it is applied). Their outcomes are queued and
 * delivered after the server has finished handling the current event.
 */
final class HostRequests {
    private record PendingApply(long term, ApplyCallback callback) {}

    private record PendingBarrier(long index, long term, ApplyCallback callback) {}

    private final RaftServer s;
    private final TreeMap<Long, PendingApply> applies = new TreeMap<>();
    private final List<PendingBarrier> barriers = new ArrayList<>();

    HostRequests(RaftServer s) {
        this.s = s;
    }

    void apply(RequestId id, LogCommand command, ApplyCallback callback) {
        if (s.role != Role.LEADER) {
            s.complete(() -> callback.failed(ApplyError.NOT_LEADER));
            return;
        }
        if (s.replicator.transferring()) {
            s.complete(() -> callback.failed(ApplyError.LEADERSHIP_TRANSFER));
            return;
        }
        LogEntry e = s.appendAsLeader(new EntryPayload.Write(id, command));
        applies.put(e.index(), new PendingApply(e.term(), callback));
    }

    /** Completes once everything in the leader's log now is applied (hashicorp Barrier, without a log entry). */
    void barrier(ApplyCallback callback) {
        if (s.role != Role.LEADER) {
            s.complete(() -> callback.failed(ApplyError.NOT_LEADER));
            return;
        }
        barriers.add(new PendingBarrier(s.log.lastIndex(), s.currentTerm, callback));
        appliedUpTo();
    }

    /** {@code e} was applied with {@code result}. */
    void applied(LogEntry e, Object result) {
        if (applies.isEmpty()) {
            return;
        }
        PendingApply p = applies.remove(e.index());
        if (p == null) {
            return;
        }
        if (p.term() == e.term() && s.role == Role.LEADER) {
            s.complete(() -> p.callback().applied(e.index(), result));
        } else {
            s.complete(() -> p.callback().failed(ApplyError.LEADERSHIP_LOST));
        }
    }

    /** After applying: barriers whose index is applied complete (in this leader's term). */
    void appliedUpTo() {
        for (Iterator<PendingBarrier> it = barriers.iterator(); it.hasNext(); ) {
            PendingBarrier b = it.next();
            if (b.index() <= s.lastApplied && b.term() == s.currentTerm && s.role == Role.LEADER) {
                it.remove();
                s.complete(() -> b.callback().applied(b.index(), null));
            }
        }
    }

    /** hashicorp fails every future in flight with ErrLeadershipLost when a leader steps down. */
    void leadershipLost() {
        for (Map.Entry<Long, PendingApply> e : applies.entrySet()) {
            ApplyCallback c = e.getValue().callback();
            s.complete(() -> c.failed(ApplyError.LEADERSHIP_LOST));
        }
        applies.clear();
        for (PendingBarrier b : barriers) {
            s.complete(() -> b.callback().failed(ApplyError.LEADERSHIP_LOST));
        }
        barriers.clear();
    }
}
