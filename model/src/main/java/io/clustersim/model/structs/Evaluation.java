package io.clustersim.model.structs;

import java.util.Objects;

/**
 * An evaluation (nomad {@code structs.Evaluation}): a request to reconcile one job's allocations
 * with what it wants, processed by the leader's scheduler.
 *
 * @param nodeName the node whose update triggered it, or null
 * @param queuedAllocations placements that failed last time it ran (while BLOCKED)
 */
public record Evaluation(String id, String jobId, EvalTrigger trigger, String nodeName, EvalStatus status,
        int queuedAllocations) {
    public Evaluation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
    }

    public Evaluation withStatus(EvalStatus s, int queued) {
        return new Evaluation(id, jobId, trigger, nodeName, s, queued);
    }

    public int sizeBytes() {
        return 300;
    }
}
