package io.clustersim.model.server;

import io.clustersim.gossip.serf.Member;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import io.clustersim.kernel.telemetry.Counter;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcRequest;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.rpc.RpcStatus;
import io.clustersim.model.server.fsm.NomadQuery;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.server.fsm.StateListener;
import io.clustersim.model.server.heartbeat.HeartbeatTtl;
import io.clustersim.model.structs.Allocation;
import io.clustersim.raft.core.ApplyCallback;
import io.clustersim.raft.core.ApplyError;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.log.LogCommand;
import io.clustersim.raft.membership.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A server's RPC endpoint (nomad {@code nomad/rpc.go} forward, forwardLeader, forwardRegion,
 * getLeaderForRPC): a request for another region goes to a random live server of that region; a
 * stale read or a local call is answered here; a write or a consistent read goes to the region's
 * leader, and while there is none the request is held, re-checked every random [0, hold/16), for
 * at most the RPC hold timeout. Writes apply through Raft; blocking reads wait for the state to
 * pass the caller's index.
 */
final class RpcEndpoint {
    /**
     * How long a forwarded request may take, beyond any time the leader may block it, before the
     * forwarder gives up (our I/O deadline: nomad's server pool sets none per call, and a dead
     * peer is noticed when its connection breaks).
     */
    static final long FORWARD_TIMEOUT_NANOS = 10_000_000_000L;
    /** Forwards allowed before a request bouncing between stale views of the leader is refused. */
    static final int MAX_HOPS = 4;
    /** How often a blocking query looks again whether the state has moved. */
    static final long BLOCKING_POLL_NANOS = 50_000_000L;
    static final long SECOND = 1_000_000_000L;

    private final ServerIdentity self;
    private final NomadServerConfig config;
    private final NodeContext ctx;
    private final RaftServer raft;
    private final NomadStateMachine fsm;
    private final ServerPeers peers;
    private final RpcCaller caller;
    private final LeaderDuties leader;
    private final UniformRandomProvider random;
    private final UniformRandomProvider blockingJitter;
    private final Counter forwards;
    private final Counter holdTimeouts;
    private final java.util.function.Consumer<String> forceLeave;
    private final WriteIds writes;
    /** Blocking Node.GetClientAllocs queries waiting for their node's allocations to change. */
    private final Map<String, List<Waiting>> waitingByNode = new LinkedHashMap<>();
    private final Set<String> wakeups = new TreeSet<>();
    /**
     * The waiting queries by the second their deadline falls in: one timer per second answers
     * those whose time is up. Nomad adds a random jitter of up to 1/16 of the wait to every
     * blocking query's deadline, so rounding up to the next second stays within what Nomad does,
     * and ten thousand clients' queries need a few hundred timers instead of ten thousand.
     */
    private final TreeMap<Long, List<Waiting>> deadlines = new TreeMap<>();

    /** A blocking query waiting here: who asked, and what; done once answered either way. */
    private static final class Waiting {
        final NodeId from;
        final RpcRequest req;
        final RpcCall.NodeGetClientAllocs query;
        boolean done;

        Waiting(NodeId from, RpcRequest req, RpcCall.NodeGetClientAllocs query) {
            this.from = from;
            this.req = req;
            this.query = query;
        }
    }

    RpcEndpoint(ServerIdentity self, NomadServerConfig config, NodeContext ctx, RaftServer raft, NomadStateMachine fsm,
            ServerPeers peers, RpcCaller caller, LeaderDuties leader, ServerRecorder recorder,
            java.util.function.Consumer<String> forceLeave, WriteIds writes) {
        this.self = self;
        this.config = config;
        this.ctx = ctx;
        this.raft = raft;
        this.fsm = fsm;
        this.peers = peers;
        this.caller = caller;
        this.leader = leader;
        this.random = ctx.random("hold");
        this.blockingJitter = ctx.random("blocking");
        this.forwards = recorder.rpcForwards();
        this.holdTimeouts = recorder.rpcHoldTimeouts();
        this.forceLeave = forceLeave;
        this.writes = writes;
    }

    void handle(NodeId from, RpcRequest req) {
        if (req.hops() > MAX_HOPS) {
            answer(from, RpcResponse.error(req.id(), RpcStatus.TOO_MANY_HOPS));
            return;
        }
        String region = req.call().authoritativeOnly() && config.replicatesAcls() ? config.authoritativeRegion() : req.region();
        if (!region.equals(self.region())) {
            forwardRegion(from, req, region);
            return;
        }
        RpcCall call = req.call();
        if (call.kind() == RpcCall.Kind.LOCAL || (call.kind() == RpcCall.Kind.READ && req.allowStale())) {
            serveLocally(from, req);
            return;
        }
        toLeader(from, req, ctx.now());
    }

    /** nomad forwardRegion: a random live server of the region, which handles it as its own. */
    private void forwardRegion(NodeId from, RpcRequest req, String region) {
        List<Member> servers = peers.aliveInRegion(region);
        if (servers.isEmpty()) {
            answer(from, RpcResponse.error(req.id(), RpcStatus.NO_REGION_PATH));
            return;
        }
        Member target = servers.get(random.nextInt(servers.size()));
        forwards.increment();
        RpcRequest inRegion = new RpcRequest(req.id(), region, req.call(), req.allowStale(), req.hops());
        caller.forward(target.address(), inRegion, callTimeout(req.call()), r -> answer(from, withId(r, req.id())));
    }

    /** nomad getLeaderForRPC: the leader handles it; otherwise forward, or hold while none is known. */
    private void toLeader(NodeId from, RpcRequest req, long firstCheck) {
        if (raft.isLeader()) {
            serveOnLeader(from, req);
            return;
        }
        NodeId known = raft.view().leader();
        if (known != null && !known.equals(self.node())) {
            forwards.increment();
            caller.forward(known, req, callTimeout(req.call()), r -> answer(from, withId(r, req.id())));
            return;
        }
        long holdUntil = firstCheck + config.rpcHoldTimeout().toNanos();
        // The hold loop re-checks at random within hold/16.
        long jitter = config.rpcHoldTimeout().toNanos() / RpcCall.JITTER_FRACTION;
        long wait = HeartbeatTtl.randomStaggerNanos(jitter, random);
        if (ctx.now() + wait > holdUntil) {
            holdTimeouts.increment();
            answer(from, RpcResponse.error(req.id(), RpcStatus.NO_LEADER));
            return;
        }
        ctx.setTimer("hold", wait, () -> toLeader(from, req, firstCheck));
    }

    private void serveOnLeader(NodeId from, RpcRequest req) {
        if (req.call() instanceof RpcCall.LeaderCall lc) {
            leader.heartbeat(lc, (status, result, index) -> answer(from, new RpcResponse(req.id(), status, result, index)));
            return;
        }
        if (req.call() instanceof RpcCall.Write w) {
            // A job registration carries the evaluation the leader creates for it (nomad Job.Register).
            LogCommand command = w instanceof RpcCall.JobRegister jr ? leader.registration(jr.job()) : w.command();
            raft.apply(writes.next(), command, new ApplyCallback() {
                @Override
                public void applied(long index, Object result) {
                    answer(from, new RpcResponse(req.id(), RpcStatus.OK, result, index));
                }

                @Override
                public void failed(ApplyError error) {
                    answer(from, RpcResponse.error(req.id(), error == ApplyError.NOT_LEADER ? RpcStatus.NO_LEADER
                            : RpcStatus.LEADERSHIP_LOST));
                }
            });
            return;
        }
        if (!leader.readyForConsistentReads()) {
            answer(from, RpcResponse.error(req.id(), RpcStatus.NOT_READY_FOR_CONSISTENT_READS));
            return;
        }
        serveLocally(from, req);
    }

    private void serveLocally(NodeId from, RpcRequest req) {
        RpcCall call = req.call();
        if (call instanceof RpcCall.StatusPeers) {
            Configuration c = raft.view().configuration();
            List<String> names = new ArrayList<>();
            c.servers().keySet().forEach(id -> names.add(id.name()));
            answer(from, new RpcResponse(req.id(), RpcStatus.OK, List.copyOf(names), raft.view().commitIndex()));
        } else if (call instanceof RpcCall.ForceLeave f) {
            forceLeave.accept(f.node());
            answer(from, new RpcResponse(req.id(), RpcStatus.OK, null, 0));
        } else if (call instanceof RpcCall.RaftStats) {
            answer(from, new RpcResponse(req.id(), RpcStatus.OK, RaftStats.of(raft, ctx.now()), raft.view().lastApplied()));
        } else if (call instanceof RpcCall.AclPolicyList q) {
            blockingRead(from, req, q, ctx.now() + blockingWait(q));
        } else if (call instanceof RpcCall.NodeGetClientAllocs q) {
            waitForAllocs(from, req, q);
        } else if (call instanceof RpcCall.Read r) {
            read(from, req, r.query());
        } else {
            throw new IllegalStateException("not a read: " + call);
        }
    }

    /**
     * How long a server waits for another server's answer to {@code call}: as long as that server
     * may block it, and then the I/O deadline.
     */
    static long callTimeout(RpcCall call) {
        return call.longestBlockNanos() + FORWARD_TIMEOUT_NANOS;
    }

    /** nomad {@code blockingRPC}: the call's time to block plus a jitter of up to a sixteenth of it. */
    private long blockingWait(RpcCall call) {
        long block = call.timeToBlockNanos();
        return block + HeartbeatTtl.randomStaggerNanos(block / RpcCall.JITTER_FRACTION, blockingJitter);
    }

    /** A blocking query (nomad {@code blockingRPC}): answer once the table passes minIndex, or at the deadline. */
    private void blockingRead(NodeId from, RpcRequest req, RpcCall.AclPolicyList q, long deadline) {
        if (fsm.state().aclPoliciesIndex() > q.minIndex() || ctx.now() >= deadline) {
            read(from, req, q.query());
            return;
        }
        ctx.setTimer("blocking", Math.min(BLOCKING_POLL_NANOS, deadline - ctx.now()), () -> blockingRead(from, req, q, deadline));
    }

    /**
     * Node.GetClientAllocs as a blocking query: answered at once if the node's allocations changed
     * past the client's index, else when they do (this server's state tells it) or at the deadline.
     */
    private void waitForAllocs(NodeId from, RpcRequest req, RpcCall.NodeGetClientAllocs q) {
        if (fsm.state().nodeAllocsIndex(q.node()) > q.minIndex() || q.timeToBlockNanos() <= 0) {
            read(from, req, q.query());
            return;
        }
        Waiting w = new Waiting(from, req, q);
        waitingByNode.computeIfAbsent(q.node(), n -> new ArrayList<>()).add(w);
        long second = (ctx.now() + blockingWait(q) + SECOND - 1) / SECOND;
        List<Waiting> due = deadlines.get(second);
        if (due == null) {
            due = new ArrayList<>();
            deadlines.put(second, due);
            ctx.setTimer("blocking.deadline", second * SECOND - ctx.now(), () -> deadline(second));
        }
        due.add(w);
    }

    /** The queries whose wait ran out in this second: nothing changed, so the client's own index. */
    private void deadline(long second) {
        List<Waiting> due = deadlines.remove(second);
        if (due == null) {
            return;
        }
        for (Waiting w : due) {
            if (w.done) {
                continue;
            }
            w.done = true;
            List<Waiting> l = waitingByNode.get(w.query.node());
            if (l != null) {
                l.remove(w);
                if (l.isEmpty()) {
                    waitingByNode.remove(w.query.node());
                }
            }
            // Nomad's client re-asks when the index did not move, whatever the body holds.
            answer(w.from, new RpcResponse(w.req.id(), RpcStatus.OK,
                    new NomadQuery.ClientAllocList(new ArrayList<>(), w.query.minIndex()), fsm.state().latestIndex()));
        }
    }

    /** Wakes the queries waiting on nodes whose allocations changed, after the change's event. */
    StateListener stateListener() {
        return new StateListener() {
            @Override
            public void allocChanged(long index, Allocation before, Allocation after) {
                String node = after != null ? after.nodeName() : before.nodeName();
                if (!waitingByNode.containsKey(node) || !wakeups.add(node)) {
                    return;
                }
                if (wakeups.size() == 1) {
                    ctx.setTimer("blocking.wake", 0, RpcEndpoint.this::wake);
                }
            }
        };
    }

    private void wake() {
        List<String> nodes = new ArrayList<>(wakeups);
        wakeups.clear();
        for (String node : nodes) {
            List<Waiting> l = waitingByNode.remove(node);
            if (l == null) {
                continue;
            }
            for (Waiting w : l) {
                if (!w.done) {
                    w.done = true;
                    read(w.from, w.req, w.query.query());
                }
            }
        }
    }

    private void read(NodeId from, RpcRequest req, NomadQuery query) {
        answer(from, new RpcResponse(req.id(), RpcStatus.OK, fsm.read(query), fsm.state().latestIndex()));
    }

    private static RpcResponse withId(RpcResponse r, long id) {
        return new RpcResponse(id, r.status(), r.result(), r.index());
    }

    private void answer(NodeId to, RpcResponse r) {
        ctx.send(to, r, Delivery.FIFO);
    }
}
