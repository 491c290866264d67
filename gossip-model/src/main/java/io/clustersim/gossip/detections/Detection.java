package io.clustersim.gossip.detections;

import io.clustersim.gossip.observe.Cause;
import io.clustersim.gossip.observe.Confirmation;
import io.clustersim.gossip.observe.Refutation;
import java.util.List;

/**
 * One failure detection of {@code member}: from the first suspicion (or death heard without one)
 * until the member is seen alive again.
 *
 * @param incarnation the incarnation it was first suspected at
 * @param suspicions each member's first suspicion, in order
 * @param declarations each member's declaration of the death, in order
 */
public record Detection(String member, long incarnation, long firstSuspectedAtNanos, String firstSuspectedBy,
        List<Step> suspicions, List<Confirmation> confirmations, List<Step> declarations, List<Refutation> refutations) {
    /** One member's suspicion or declaration, and whether it decided it itself or heard it. */
    public record Step(long atNanos, String observer, Cause cause) {
        /** Decided by its own probe or its own suspicion timer, not heard from others. */
        public boolean ownDecision() {
            return cause == Cause.PROBE || cause == Cause.SUSPICION_TIMEOUT;
        }
    }

    public Detection {
        suspicions = List.copyOf(suspicions);
        confirmations = List.copyOf(confirmations);
        declarations = List.copyOf(declarations);
        refutations = List.copyOf(refutations);
    }

    /** Whether the member refuted the accusation (it was alive after all). */
    public boolean refuted() {
        return !refutations.isEmpty();
    }

    /** Members that declared the death on their own suspicion timer. */
    public long declaredOnOwnTimer() {
        return declarations.stream().filter(Step::ownDecision).count();
    }

    /** The first declaration of the death, or -1 if none yet. */
    public long firstDeclaredAtNanos() {
        return declarations.isEmpty() ? -1 : declarations.get(0).atNanos();
    }
}
