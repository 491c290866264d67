package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.ClientRouting;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.ClientMessage;
import io.clustersim.raft.message.ClientRead;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.ClientStatus;
import io.clustersim.raft.message.ClientWrite;
import io.clustersim.raft.message.ReadConsistency;
import io.clustersim.raft.observe.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Client requests on a server: writes go through the leader and are answered once applied;
 * consistent reads wait for a leadership check and for the read index to be applied (thesis,
 * section 6.4); stale reads are answered locally. A server that is not the leader redirects or
 * forwards ({@link ClientRouting}).
 */
final class ClientRequests {
    private record PendingWrite(NodeId client, RequestId id, long term) {}

    private static final class PendingRead {
        final NodeId client;
        final ClientRead read;
        long readIndex = -1;
        long seq = -1;
        final TreeSet<NodeId> acks = new TreeSet<>();
        boolean confirmed;

        PendingRead(NodeId client, ClientRead read) {
            this.client = client;
            this.read = read;
        }
    }

    /** Forwarded requests remembered at most; older ones are forgotten (their clients time out). */
    private static final int MAX_FORWARDED = 10_000;

    private final RaftServer s;
    private final TreeMap<Long, PendingWrite> writes = new TreeMap<>();
    private final List<PendingRead> reads = new ArrayList<>();
    private final LinkedHashMap<RequestId, NodeId> forwarded = new LinkedHashMap<>();

    ClientRequests(RaftServer s) {
        this.s = s;
    }

    void onMessage(NodeId from, ClientMessage m) {
        if (m instanceof ClientWrite w) {
            onWrite(from, w);
        } else if (m instanceof ClientRead r) {
            onRead(from, r);
        } else if (m instanceof ClientResponse r) {
            NodeId client = forwarded.remove(r.requestId());
            if (client != null) {
                s.send(client, r);
            }
        }
    }

    private void onWrite(NodeId from, ClientWrite w) {
        if (s.role != Role.LEADER) {
            route(from, w);
        } else if (s.replicator.transferring()) {
            s.send(from, ClientResponse.of(w.requestId(), ClientStatus.LEADERSHIP_TRANSFER, s.id));
        } else {
            LogEntry e = s.appendAsLeader(new EntryPayload.Write(w.requestId(), w.command()));
            writes.put(e.index(), new PendingWrite(from, w.requestId(), e.term()));
        }
    }

    private void onRead(NodeId from, ClientRead r) {
        if (r.consistency() == ReadConsistency.STALE) {
            s.send(from, new ClientResponse(r.requestId(), ClientStatus.OK, s.leaderId, s.lastApplied, s.currentTerm,
                    text(s.fsm.read(r.key()))));
        } else if (s.role != Role.LEADER) {
            route(from, r);
        } else {
            PendingRead p = new PendingRead(from, r);
            reads.add(p);
            if (s.commitIndex >= s.replicator.termStartIndex()) {
                startCheck(p);
                serveReads();
            }
            // else: wait until this leader has committed an entry of its term (section 6.4, step 1).
        }
    }

    /** Redirect, or forward to the known leader unless the request already came from a server. */
    private void route(NodeId from, ClientMessage m) {
        NodeId leader = s.leaderId;
        boolean fromServer = s.membership.latest().contains(from);
        if (leader != null && !leader.equals(s.id) && s.config.clientRouting() == ClientRouting.FORWARD && !fromServer) {
            forwarded.put(m.requestId(), from);
            if (forwarded.size() > MAX_FORWARDED) {
                Iterator<RequestId> oldest = forwarded.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            s.send(leader, m);
            return;
        }
        ClientStatus status = leader == null || leader.equals(s.id) ? ClientStatus.NO_LEADER : ClientStatus.NOT_LEADER;
        s.send(from, ClientResponse.of(m.requestId(), status, leader));
    }

    /** Read index: remember the commit index, then confirm leadership with a heartbeat round. */
    private void startCheck(PendingRead p) {
        p.readIndex = s.commitIndex;
        p.seq = s.replicator.heartbeatAll();
        checkConfirmed(p);
    }

    private void checkConfirmed(PendingRead p) {
        Configuration c = s.membership.latest();
        int votes = c.isVoter(s.id) ? 1 : 0;
        for (NodeId a : p.acks) {
            if (c.isVoter(a)) {
                votes++;
            }
        }
        if (votes >= c.quorumSize()) {
            p.confirmed = true;
        }
    }

    /** A follower answered a request with sequence number {@code seq} in this leader's term. */
    void leadershipConfirmed(NodeId follower, long seq) {
        boolean any = false;
        for (PendingRead p : reads) {
            if (p.seq >= 0 && !p.confirmed && seq >= p.seq) {
                p.acks.add(follower);
                checkConfirmed(p);
                any |= p.confirmed;
            }
        }
        if (any) {
            serveReads();
        }
    }

    private void serveReads() {
        for (Iterator<PendingRead> it = reads.iterator(); it.hasNext(); ) {
            PendingRead p = it.next();
            if (p.confirmed && p.readIndex <= s.lastApplied) {
                it.remove();
                s.send(p.client, new ClientResponse(p.read.requestId(), ClientStatus.OK, s.id, p.readIndex,
                        s.currentTerm, text(s.fsm.read(p.read.key()))));
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** {@code e} was applied; {@code result} is the state machine's answer for a write. */
    void applied(LogEntry e, Object result) {
        if (writes.isEmpty()) {
            return;
        }
        PendingWrite w = writes.remove(e.index());
        if (w == null) {
            return;
        }
        if (w.term() == e.term() && s.role == Role.LEADER) {
            s.observer.clientWriteAcknowledged(s.id, w.id(), e.index(), e.term());
            s.send(w.client(), new ClientResponse(w.id(), ClientStatus.OK, s.id, e.index(), e.term(), text(result)));
        } else {
            s.send(w.client(), ClientResponse.of(w.id(), ClientStatus.LEADERSHIP_LOST, s.leaderId));
        }
    }

    /** After applying: start checks for reads that waited for the term's first commit, serve ready reads. */
    void commitAdvanced() {
        if (reads.isEmpty() || s.role != Role.LEADER) {
            return;
        }
        if (s.commitIndex >= s.replicator.termStartIndex()) {
            for (PendingRead p : reads) {
                if (p.seq < 0) {
                    startCheck(p);
                }
            }
        }
        serveReads();
    }

    /** hashicorp answers ErrLeadershipLost to everything in flight when a leader steps down. */
    void leadershipLost() {
        for (Map.Entry<Long, PendingWrite> e : writes.entrySet()) {
            PendingWrite w = e.getValue();
            s.send(w.client(), ClientResponse.of(w.id(), ClientStatus.LEADERSHIP_LOST, null));
        }
        writes.clear();
        for (PendingRead p : reads) {
            s.send(p.client, ClientResponse.of(p.read.requestId(), ClientStatus.LEADERSHIP_LOST, null));
        }
        reads.clear();
    }
}
