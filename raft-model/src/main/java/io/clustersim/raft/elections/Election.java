package io.clustersim.raft.elections;

import io.clustersim.kernel.node.NodeId;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One election: from the loss of the previous leader (or the cluster's start) until a new leader
 * won, with everything in between, and when each other server first heard from the winner.
 *
 * @param leaderLostAtNanos when the previous leader crashed or stopped leading; -1 for the first
 *     election of a run, or when no leader was lost (e.g. a partitioned majority elected anew)
 * @param heardAtNanos for each server that was up when the leader won, when it first accepted
 *     the new leader's request; servers still missing have not heard yet
 * @param awaiting servers that were up when the leader won and have not heard from it yet
 */
public record Election(long leaderLostAtNanos, List<TimerFiring> timerFirings, List<Round> rounds, NodeId leader,
        long term, long previousTerm, long electedAtNanos, SortedMap<NodeId, Long> heardAtNanos,
        List<NodeId> awaiting) {
    public Election {
        timerFirings = List.copyOf(timerFirings);
        rounds = List.copyOf(rounds);
        heardAtNanos = Collections.unmodifiableSortedMap(new TreeMap<>(heardAtNanos));
        awaiting = List.copyOf(awaiting);
    }

    /** Terms this election went through: the winning term minus the previous leader's. */
    public long terms() {
        return term - previousTerm;
    }

    /**
     * Split votes: terms before the winning one in which two or more candidates ran real rounds
     * and none won (the votes were divided). A lone candidate refused for its stale log is no split.
     */
    public long splitVotes() {
        java.util.SortedMap<Long, Integer> candidates = new java.util.TreeMap<>();
        java.util.Set<Long> won = new java.util.TreeSet<>();
        for (Round r : rounds) {
            if (r.preVote() || r.term() >= term) {
                continue;
            }
            candidates.merge(r.term(), 1, Integer::sum);
            if (r.outcome() == Round.Outcome.WON) {
                won.add(r.term());
            }
        }
        return candidates.entrySet().stream().filter(e -> e.getValue() >= 2 && !won.contains(e.getKey())).count();
    }

    /** Whether every server that was up at the win has heard from the new leader. */
    public boolean heardByAll() {
        return awaiting.isEmpty();
    }

    /**
     * From the previous leader's loss until the last server up at the win heard from the new
     * leader (the Raft paper's Figure 16 measure); -1 while someone has not, or without a loss.
     */
    public long leaderlessAsSeenByFollowersNanos() {
        if (leaderLostAtNanos < 0 || !heardByAll()) {
            return -1;
        }
        long last = electedAtNanos;
        for (long t : heardAtNanos.values()) {
            last = Math.max(last, t);
        }
        return last - leaderLostAtNanos;
    }
}
