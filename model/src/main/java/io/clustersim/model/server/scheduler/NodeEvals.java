package io.clustersim.model.server.scheduler;

import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.EvalTrigger;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The evaluations a node's status change creates (nomad {@code node_endpoint.go} createNodeEvals):
 * one per job with allocations on the node, and one per system job, each triggered by the node.
 */
public final class NodeEvals {
    private NodeEvals() {}

    /**
     * Whether the change from {@code from} to {@code to} needs evaluations (nomad
     * {@code nodeStatusTransitionRequiresEval}): the node went down, became ready from
     * initializing or down, became disconnected, or left disconnected.
     */
    public static boolean required(NodeStatus from, NodeStatus to) {
        if (from == to) {
            return false;
        }
        return to == NodeStatus.DOWN || to == NodeStatus.DISCONNECTED || from == NodeStatus.DISCONNECTED
                || to == NodeStatus.READY && (from == NodeStatus.INITIALIZING || from == NodeStatus.DOWN);
    }

    public static List<Evaluation> forNode(StateStore state, String node, Ids ids) {
        TreeSet<String> jobs = new TreeSet<>();
        for (Allocation a : state.allocsOnNode(node)) {
            jobs.add(a.jobId());
        }
        for (Job j : state.systemJobs().values()) {
            if (!j.groups().isEmpty()) {
                jobs.add(j.id());
            }
        }
        List<Evaluation> out = new ArrayList<>();
        for (String job : jobs) {
            out.add(new Evaluation(ids.nextEval(), job, EvalTrigger.NODE_UPDATE, node, EvalStatus.PENDING, 0));
        }
        return out;
    }
}
