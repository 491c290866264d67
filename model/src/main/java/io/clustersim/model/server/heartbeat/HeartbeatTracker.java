package io.clustersim.model.server.heartbeat;

import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Timer;
import io.clustersim.model.rpc.HeartbeatReply;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcStatus;
import io.clustersim.model.server.Reply;
import io.clustersim.model.server.WriteIds;
import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.server.scheduler.Ids;
import io.clustersim.model.server.scheduler.NodeEvals;
import io.clustersim.model.structs.AllocDesiredStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.structs.TaskGroup;
import io.clustersim.raft.core.ApplyCallback;
import io.clustersim.raft.core.ApplyError;
import io.clustersim.raft.core.RaftServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The leader's client heartbeat timers (nomad {@code nomad/heartbeat.go}, {@code node_endpoint.go}
 * Register and UpdateStatus):
 *
 * <ul>
 *   <li>a registration or heartbeat arms the node's timer for TTL plus heartbeat_grace, where the
 *       TTL is RateScaledInterval(max_heartbeats_per_second, min_heartbeat_ttl, timers held) plus a
 *       random stagger of up to as much again, and tells the client the TTL;
 *   <li>a heartbeat writes through Raft only when the node's status changes (and then with the
 *       evaluations the change needs); a node coming back from disconnected is written as
 *       initializing first;
 *   <li>a newly established leader gives every node not down failover_heartbeat_ttl; stepping
 *       down clears every timer; only the leader arms timers;
 *   <li>a timer that fires writes the node down, or disconnected when one of its allocations may
 *       ride out a disconnect ({@code disconnectState}), with the evaluations.
 * </ul>
 */
public final class HeartbeatTracker {
    /** What the tracker records. */
    public interface Counters {
        /** A client's registration or heartbeat handled here, with the TTL handed out. */
        void heartbeat(long ttlNanos);

        Counters NONE = ttl -> {};
    }

    private final NodeContext ctx;
    private final HeartbeatSettings settings;
    private final RaftServer raft;
    private final NomadStateMachine fsm;
    private final Ids ids;
    private final WriteIds writes;
    private final Supplier<List<NodeId>> regionServers;
    private final Counters counters;
    private final UniformRandomProvider random;
    /**
     * Per node, its TTL timer. A hash map: every heartbeat replaces one, and only {@link #revoke}
     * iterates (cancelling, in whatever order, changes nothing that runs).
     */
    private final Map<String, Timer> timers = new LinkedHashMap<>();
    private boolean leading;

    public HeartbeatTracker(NodeContext ctx, HeartbeatSettings settings, RaftServer raft, NomadStateMachine fsm, Ids ids,
            WriteIds writes, Supplier<List<NodeId>> regionServers, Counters counters) {
        this.ctx = ctx;
        this.settings = settings;
        this.raft = raft;
        this.fsm = fsm;
        this.ids = ids;
        this.writes = writes;
        this.regionServers = regionServers;
        this.counters = counters;
        this.random = ctx.random("stagger");
    }

    /** initializeHeartbeatTimers: every node that is not down gets the failover TTL. */
    public void establish() {
        leading = true;
        for (Node n : fsm.state().nodes().values()) {
            if (n.status().heartbeats()) {
                arm(n.name(), settings.failoverHeartbeatTtl().toNanos());
            }
        }
    }

    /** clearAllHeartbeatTimers: the leader stepped down. */
    public void revoke() {
        leading = false;
        timers.values().forEach(Timer::cancel);
        timers.clear();
    }

    /** Timers held now (the n of RateScaledInterval). */
    public int timersHeld() {
        return timers.size();
    }

    public void handle(RpcCall.LeaderCall call, Reply reply) {
        if (!leading || !raft.isLeader()) {
            reply.error(RpcStatus.NO_LEADER);
            return;
        }
        if (call instanceof RpcCall.NodeRegister r) {
            register(r.node(), reply);
        } else if (call instanceof RpcCall.NodeUpdateStatus u) {
            updateStatus(u.node(), u.status(), reply);
        } else {
            throw new IllegalStateException("not a heartbeat call: " + call);
        }
    }

    private void register(Node node, Reply reply) {
        Node stored = node.withStatus(NodeStatus.INITIALIZING, ctx.now());
        raft.apply(writes.next(), new NomadCommand.NodeRegister(stored), new Applied(reply, () -> answer(node.name(), reply)));
    }

    private void updateStatus(String name, NodeStatus requested, Reply reply) {
        StateStore state = fsm.state();
        Node node = state.node(name);
        if (node == null) {
            // Collected (or never registered): the client registers again (nomad: "node not found").
            reply.ok(new HeartbeatReply(0, regionServers.get(), false), state.latestIndex());
            return;
        }
        NodeStatus status = requested;
        if (node.status() == NodeStatus.DISCONNECTED && requested == NodeStatus.READY) {
            status = NodeStatus.INITIALIZING; // reconnecting: ready once its allocations are reconciled
        }
        if (status == node.status()) {
            answer(name, reply);
            return;
        }
        List<Evaluation> evals = NodeEvals.required(node.status(), status) ? NodeEvals.forNode(state, name, ids) : List.of();
        raft.apply(writes.next(), new NomadCommand.NodeUpdateStatus(name, status, ctx.now(), evals),
                new Applied(reply, () -> answer(name, reply)));
    }

    /** resetHeartbeatTimer and the reply with the TTL and the region's servers. */
    private void answer(String name, Reply reply) {
        if (!leading) {
            reply.error(RpcStatus.NO_LEADER);
            return;
        }
        Node node = fsm.state().node(name);
        long ttl = 0;
        if (node != null && node.status().heartbeats()) {
            ttl = HeartbeatTtl.ttlNanos(settings, timers.size(), random);
            arm(name, ttl + settings.heartbeatGrace().toNanos());
        }
        counters.heartbeat(ttl);
        reply.ok(new HeartbeatReply(ttl, regionServers.get(), node != null), fsm.state().latestIndex());
    }

    private void arm(String name, long afterNanos) {
        Timer old = timers.put(name, ctx.setTimer("ttl", afterNanos, () -> invalidate(name)));
        if (old != null) {
            old.cancel();
        }
    }

    /** invalidateHeartbeat: the TTL and grace ran out. */
    private void invalidate(String name) {
        timers.remove(name);
        if (!leading || !raft.isLeader()) {
            return;
        }
        StateStore state = fsm.state();
        Node node = state.node(name);
        if (node == null || node.status() == NodeStatus.DOWN) {
            return;
        }
        NodeStatus status = canDisconnect(state, node) ? NodeStatus.DISCONNECTED : NodeStatus.DOWN;
        if (status == node.status()) {
            return;
        }
        List<Evaluation> evals = NodeEvals.forNode(state, name, ids);
        raft.apply(writes.next(), new NomadCommand.NodeUpdateStatus(name, status, ctx.now(), evals), ApplyCallback.IGNORE);
    }

    /**
     * disconnectState: a node that is neither down nor initializing, with an allocation that wants
     * to run and whose group may ride out a disconnect, becomes disconnected instead of down.
     */
    static boolean canDisconnect(StateStore state, Node node) {
        if (node.status() == NodeStatus.INITIALIZING) {
            return false;
        }
        for (Allocation a : state.allocsOnNode(node.name())) {
            if (a.desiredStatus() != AllocDesiredStatus.RUN || a.clientStatus().terminal()) {
                continue;
            }
            Job j = state.job(a.jobId());
            TaskGroup g = j == null ? null : j.group(a.group());
            if (g != null && g.disconnect().allowsDisconnect()) {
                return true;
            }
        }
        return false;
    }

    /** A Raft write's outcome for a client's call: answer once applied, or fail it. */
    private record Applied(Reply reply, Runnable then) implements ApplyCallback {
        @Override
        public void applied(long index, Object result) {
            then.run();
        }

        @Override
        public void failed(ApplyError error) {
            reply.error(error == ApplyError.NOT_LEADER ? RpcStatus.NO_LEADER : RpcStatus.LEADERSHIP_LOST);
        }
    }
}
