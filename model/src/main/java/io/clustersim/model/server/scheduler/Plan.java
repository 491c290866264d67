package io.clustersim.model.server.scheduler;

import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Evaluation;
import java.util.List;

/**
 * A scheduler's answer to one evaluation (nomad {@code structs.Plan} and its result): the
 * allocations to write (placed, stopped, lost, unknown, updated in place), the evaluation's
 * outcome, how many placements failed, and when to look again at unknown allocations whose
 * disconnect window runs out (0: never). For a system job, {@code failedNodes} are the nodes it did
 * not fit on: only capacity freed there can help it.
 */
public record Plan(Evaluation outcome, List<Allocation> allocs, int unplaced, long followUpAtNanos,
        List<String> failedNodes) {
    public Plan {
        allocs = List.copyOf(allocs);
        failedNodes = List.copyOf(failedNodes);
    }
}
