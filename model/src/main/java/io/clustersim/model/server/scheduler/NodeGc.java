package io.clustersim.model.server.scheduler;

import io.clustersim.kernel.node.NodeContext;
import io.clustersim.model.server.WriteIds;
import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.raft.core.ApplyCallback;
import io.clustersim.raft.core.RaftServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Node garbage collection on the leader (nomad {@code nomad/core_sched.go} nodeGC, scheduled by
 * {@code leader.go} schedulePeriodic every NodeGCInterval): a node that is down, whose status
 * changed more than {@code node_gc_threshold} ago and whose allocations are all terminal is
 * deregistered, with its allocations.
 */
public final class NodeGc {
    private final NodeContext ctx;
    private final RaftServer raft;
    private final NomadStateMachine fsm;
    private final WriteIds writes;
    private final long interval;
    private final long threshold;
    private int epoch;

    public NodeGc(NodeContext ctx, RaftServer raft, NomadStateMachine fsm, WriteIds writes, Duration interval,
            Duration threshold) {
        this.ctx = ctx;
        this.raft = raft;
        this.fsm = fsm;
        this.writes = writes;
        this.interval = interval.toNanos();
        this.threshold = threshold.toNanos();
    }

    public void start() {
        int e = ++epoch;
        ctx.setTimer("nodeGc", interval, () -> tick(e));
    }

    public void stop() {
        epoch++;
    }

    private void tick(int e) {
        if (e != epoch) {
            return;
        }
        ctx.setTimer("nodeGc", interval, () -> tick(e));
        List<String> collect = eligible(fsm.state().nodes().values(), ctx.now());
        if (!collect.isEmpty() && raft.isLeader()) {
            raft.apply(writes.next(), new NomadCommand.NodeDeregister(collect), ApplyCallback.IGNORE);
        }
    }

    /** The nodes a GC at {@code now} collects. */
    List<String> eligible(Iterable<Node> nodes, long now) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.status() != NodeStatus.DOWN || now - n.statusUpdatedAtNanos() < threshold) {
                continue;
            }
            boolean allTerminal = true;
            for (Allocation a : fsm.state().allocsOnNode(n.name())) {
                allTerminal &= a.terminal();
            }
            if (allTerminal) {
                out.add(n.name());
            }
        }
        return out;
    }
}
