package io.clustersim.raft.elections;

import io.clustersim.kernel.node.NodeId;
import java.util.List;

/**
 * One candidate's pre-vote or real round in one term.
 *
 * @param votes every answer voters decided, in the order they decided (the candidate's own vote
 *     is implied)
 */
public record Round(NodeId candidate, long term, boolean preVote, long startedAtNanos, List<Vote> votes,
        Outcome outcome) {
    /** How a round ended. */
    public enum Outcome {
        /** A quorum granted: a real round made a leader, a pre-vote led to a real round. */
        WON,
        /** Enough voters refused that it could not win. */
        LOST,
        /** Neither: it ran out of time or was overtaken (a split vote, for a real round). */
        UNDECIDED
    }

    public Round {
        votes = List.copyOf(votes);
    }

    public long granted() {
        return votes.stream().filter(Vote::granted).count();
    }

    public long refused() {
        return votes.stream().filter(v -> !v.granted() && v.reason() != null).count();
    }
}
