package io.clustersim.raft.client;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.ClientMessage;
import io.clustersim.raft.message.ClientRead;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.ClientStatus;
import io.clustersim.raft.message.ClientWrite;
import io.clustersim.raft.message.ReadConsistency;
import io.clustersim.raft.port.RaftTimer;
import io.clustersim.raft.port.RaftTimers;
import io.clustersim.raft.port.RaftTransport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A client of a Raft cluster, sans-IO. It sends each request to the leader it knows of (else to a
 * random server), follows NOT_LEADER redirects at once, backs off and tries another server after
 * NO_LEADER or a lost leadership, tries the next server when an attempt times out, and reports the
 * outcome to the listener. Retrying a write whose first attempt was in fact committed applies it
 * twice: like Nomad's RPC clients, it has no session deduplication.
 */
public final class RaftClient {
    private final class Pending {
        final RequestId id;
        final ClientMessage message;
        final long start;
        int attempts;
        NodeId target;
        /** An attempt is out and not yet refused or timed out. */
        boolean awaiting;
        RaftTimer timer;

        Pending(RequestId id, ClientMessage message, long start) {
            this.id = id;
            this.message = message;
            this.start = start;
        }
    }

    private final String name;
    private final List<NodeId> servers;
    private final ClientConfig config;
    private final RaftTransport transport;
    private final RaftTimers timers;
    private final UniformRandomProvider random;
    private final ClientListener listener;
    private final LinkedHashMap<RequestId, Pending> pending = new LinkedHashMap<>();
    private NodeId leader;
    private long nextSequence = 1;
    private int nextServer;

    public RaftClient(String name, List<NodeId> servers, ClientConfig config, RaftTransport transport, RaftTimers timers,
            UniformRandomProvider random, ClientListener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.servers = List.copyOf(servers);
        if (this.servers.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one server");
        }
        this.config = Objects.requireNonNull(config, "config");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = listener == null ? o -> { } : listener;
        this.nextServer = random.nextInt(this.servers.size());
    }

    /** Sends a write; returns its id. */
    public RequestId write(Command command) {
        RequestId id = new RequestId(name, nextSequence++);
        submit(new Pending(id, new ClientWrite(id, command), timers.now()));
        return id;
    }

    /** Sends a read of {@code key}; returns its id. */
    public RequestId read(String key, ReadConsistency consistency) {
        RequestId id = new RequestId(name, nextSequence++);
        submit(new Pending(id, new ClientRead(id, key, consistency), timers.now()));
        return id;
    }

    /** Handles a server's answer (other messages are ignored). */
    public void handle(NodeId from, ClientResponse r) {
        Pending p = pending.get(r.requestId());
        if (p == null) {
            return; // late or duplicate answer to a finished request
        }
        if (r.status() == ClientStatus.OK) {
            leader = r.leaderHint() != null ? r.leaderHint() : from;
            finish(p, true, r);
            return;
        }
        if (!from.equals(p.target) || !p.awaiting) {
            return; // a stale or repeated refusal; the current attempt or back-off is still running
        }
        p.awaiting = false;
        p.timer.cancel();
        if (r.status() == ClientStatus.NOT_LEADER && r.leaderHint() != null && !r.leaderHint().equals(from)) {
            leader = r.leaderHint();
            retry(p, r, 0);
        } else {
            leader = null;
            retry(p, r, config.retryBackoffNanos());
        }
    }

    /** The leader this client currently believes in, or null. */
    public NodeId knownLeader() {
        return leader;
    }

    /** Requests sent and not yet finished. */
    public int inFlight() {
        return pending.size();
    }

    public String name() {
        return name;
    }

    private void submit(Pending p) {
        pending.put(p.id, p);
        send(p);
    }

    private void send(Pending p) {
        p.attempts++;
        p.target = leader != null ? leader : nextServer();
        transport.send(p.target, p.message);
        p.awaiting = true;
        p.timer = timers.set("client/timeout", config.requestTimeoutNanos(), () -> {
            p.awaiting = false;
            leader = null;
            retry(p, null, 0);
        });
    }

    private void retry(Pending p, ClientResponse last, long delay) {
        if (p.attempts >= config.maxAttempts()) {
            finish(p, false, last);
            return;
        }
        if (delay == 0) {
            send(p);
        } else {
            p.timer = timers.set("client/backoff", delay, () -> send(p));
        }
    }

    private NodeId nextServer() {
        NodeId s = servers.get(nextServer);
        nextServer = (nextServer + 1) % servers.size();
        return s;
    }

    private void finish(Pending p, boolean ok, ClientResponse r) {
        pending.remove(p.id);
        if (p.timer != null) {
            p.timer.cancel();
        }
        long now = timers.now();
        listener.completed(new ClientOutcome(p.id, p.message instanceof ClientWrite, ok, r == null ? null : r.status(),
                p.start, now - p.start, p.attempts, r == null ? 0 : r.index(), r == null ? 0 : r.term(),
                r == null ? null : r.value()));
    }

    /** Ids of the requests in flight, oldest first (for tests and reports). */
    public List<RequestId> pendingRequests() {
        return new ArrayList<>(pending.keySet());
    }
}
