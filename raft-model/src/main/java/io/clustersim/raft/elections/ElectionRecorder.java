package io.clustersim.raft.elections;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.trace.Trace;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Builds an {@link Election} record for every election of one Raft cluster, from the servers'
 * observer taps and, for crashes and exits (a process that is gone reports nothing), the kernel trace. Attach it
 * as an observer of every server and as a sink of the world's trace.
 *
 * <p>An election opens when the current leader (the live leader of the highest term) crashes or
 * stops leading, or at the start of the run; timer firings and rounds from then on belong to it;
 * it closes when a leader of a newer term wins. Rounds while a leader lives (a partitioned
 * follower campaigning) are kept aside and become the next election's only if that one needs no
 * loss to happen (a partitioned majority electing anew). After the win, each server that was up
 * records when it first accepted a request from the winner.
 *
 * <p>With a trace, every step is also written to it as a {@code NOTE} event ({@code raft.timer},
 * {@code raft.prevote}, {@code raft.campaign}, {@code raft.vote.granted}, {@code raft.vote.refused},
 * {@code raft.round.lost}, {@code raft.elected}, {@code raft.leader.heard}).
 */
public final class ElectionRecorder implements RaftObserver, TraceSink {
    private final LongSupplier clock;
    private final Trace trace;
    private final SortedSet<NodeId> live = new TreeSet<>();
    private final Map<String, NodeId> byName = new TreeMap<>();
    private final List<Election> elections = new ArrayList<>();

    private NodeId leader;
    private long leaderTerm;
    /** The election being run, or null while a leader leads. */
    private Pending open = new Pending(-1, 0);
    /** Rounds and firings while a leader lives. */
    private Pending aside;
    /** The last election while its servers still report hearing the winner. */
    private Hearing hearing;

    /**
     * @param trace where each step is written as it happens; null to only keep the records
     */
    public ElectionRecorder(LongSupplier clock, Trace trace) {
        this.clock = clock;
        this.trace = trace;
    }

    /** Every closed election so far, oldest first (the last may still be collecting who heard). */
    public List<Election> elections() {
        List<Election> out = new ArrayList<>(elections);
        if (hearing != null) {
            out.set(out.size() - 1, hearing.snapshot());
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether an election is under way (the leader was lost and no new one has won yet). */
    public boolean electing() {
        return open != null;
    }

    // ---- taps ---------------------------------------------------------------------------------

    @Override
    public void serverStarted(NodeId node, RaftView view) {
        live.add(node);
        byName.put(node.name(), node);
    }

    /** A crash or exit takes a server out of the live set. */
    @Override
    public Set<TraceKind> kinds() {
        return EnumSet.of(TraceKind.CRASH, TraceKind.EXIT);
    }

    @Override
    public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
        NodeId node = byName.get(source);
        if (node == null) {
            return;
        }
        live.remove(node);
        if (hearing != null && hearing.awaiting.remove(node) && hearing.awaiting.isEmpty()) {
            finishHearing();
        }
        if (node.equals(leader)) {
            leaderLost();
        }
    }

    @Override
    public void roleChanged(NodeId node, long term, Role from, Role to) {
        if (from == Role.LEADER && node.equals(leader)) {
            leaderLost();
        }
    }

    @Override
    public void electionTimerFired(NodeId node, long term, Role role) {
        TimerFiring f = new TimerFiring(now(), node, term, role);
        collecting().firings.add(f);
        note(node, null, "raft.timer", "term=" + term + " role=" + role);
    }

    @Override
    public void electionStarted(NodeId node, long term, boolean preVote) {
        Pending p = collecting();
        if (!preVote) {
            // A real round following this candidate's pre-vote of the same term: the pre-vote won.
            RoundBuilder pre = p.active.get(node);
            if (pre != null && pre.preVote && pre.term == term) {
                pre.outcome = Round.Outcome.WON;
            }
        }
        RoundBuilder r = new RoundBuilder(node, term, preVote, now());
        p.rounds.add(r);
        p.active.put(node, r);
        note(node, null, preVote ? "raft.prevote" : "raft.campaign", "term=" + term);
    }

    @Override
    public void voteDecided(NodeId voter, RequestVote request, boolean granted, VoteReason reason) {
        RoundBuilder r = findRound(request.candidate(), request.term(), request.preVote());
        if (r != null) {
            r.votes.add(new Vote(now(), voter, granted, reason));
        }
        String what = reason == null ? "raft.vote.dropped" : granted ? "raft.vote.granted" : "raft.vote.refused";
        note(voter, request.candidate(), what, "term=" + request.term() + (request.preVote() ? " pre-vote" : "")
                + (reason == null || granted ? "" : " " + reason));
    }

    @Override
    public void roundLost(NodeId node, long term, boolean preVote) {
        RoundBuilder r = findRound(node, term, preVote);
        if (r != null) {
            r.outcome = Round.Outcome.LOST;
        }
        note(node, null, "raft.round.lost", "term=" + term + (preVote ? " pre-vote" : ""));
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        long previous = leaderTerm;
        if (term <= leaderTerm) {
            return;
        }
        Pending p = open != null ? open : aside != null ? aside : new Pending(-1, previous);
        RoundBuilder won = p.active.get(node);
        if (won != null && !won.preVote && won.term == term) {
            won.outcome = Round.Outcome.WON;
        }
        leader = node;
        leaderTerm = term;
        open = null;
        aside = null;
        if (hearing != null) {
            finishHearing();
        }
        TreeSet<NodeId> awaiting = new TreeSet<>(live);
        awaiting.remove(node);
        hearing = new Hearing(p, node, term, now(), awaiting);
        elections.add(hearing.snapshot());
        note(node, null, "raft.elected", "term=" + term + " terms=" + (term - p.previousTerm)
                + " rounds=" + p.rounds.size());
        if (awaiting.isEmpty()) {
            finishHearing();
        }
    }

    @Override
    public void leaderDiscovered(NodeId node, long term, NodeId leaderId) {
        if (hearing == null || term != hearing.term || !leaderId.equals(hearing.leader)) {
            return;
        }
        if (hearing.heard.putIfAbsent(node, now()) == null) {
            note(node, leaderId, "raft.leader.heard", "term=" + term);
        }
        if (hearing.awaiting.remove(node) && hearing.awaiting.isEmpty()) {
            finishHearing();
        }
    }

    // ---- bookkeeping ----------------------------------------------------------------------------

    private void leaderLost() {
        long lostTerm = leaderTerm;
        leader = null;
        if (open == null) {
            open = new Pending(now(), lostTerm);
            aside = null;
        }
    }

    /** Where steps go now: the open election, or the rounds kept aside while a leader lives. */
    private Pending collecting() {
        if (open != null) {
            return open;
        }
        if (aside == null) {
            aside = new Pending(-1, leaderTerm);
        }
        return aside;
    }

    private RoundBuilder findRound(NodeId candidate, long term, boolean preVote) {
        for (Pending p : new Pending[] {open, aside}) {
            if (p != null) {
                for (int i = p.rounds.size() - 1; i >= 0; i--) {
                    RoundBuilder r = p.rounds.get(i);
                    if (r.candidate.equals(candidate) && r.term == term && r.preVote == preVote) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private void finishHearing() {
        elections.set(elections.size() - 1, hearing.snapshot());
        hearing = null;
    }

    private long now() {
        return clock.getAsLong();
    }

    private void note(NodeId source, NodeId destination, String type, String detail) {
        if (trace != null) {
            trace.record(now(), TraceKind.NOTE, source.name(), destination == null ? null : destination.name(), type,
                    detail);
        }
    }

    /** An election's steps as they accumulate. */
    private static final class Pending {
        final long lostAt;
        final long previousTerm;
        final List<TimerFiring> firings = new ArrayList<>();
        final List<RoundBuilder> rounds = new ArrayList<>();
        final Map<NodeId, RoundBuilder> active = new TreeMap<>();

        Pending(long lostAt, long previousTerm) {
            this.lostAt = lostAt;
            this.previousTerm = previousTerm;
        }
    }

    private static final class RoundBuilder {
        final NodeId candidate;
        final long term;
        final boolean preVote;
        final long startedAt;
        final List<Vote> votes = new ArrayList<>();
        Round.Outcome outcome = Round.Outcome.UNDECIDED;

        RoundBuilder(NodeId candidate, long term, boolean preVote, long startedAt) {
            this.candidate = candidate;
            this.term = term;
            this.preVote = preVote;
            this.startedAt = startedAt;
        }

        Round build() {
            return new Round(candidate, term, preVote, startedAt, votes, outcome);
        }
    }

    /** A won election collecting when each server first heard the winner. */
    private static final class Hearing {
        final Pending steps;
        final NodeId leader;
        final long term;
        final long electedAt;
        final TreeSet<NodeId> awaiting;
        final TreeMap<NodeId, Long> heard = new TreeMap<>();

        Hearing(Pending steps, NodeId leader, long term, long electedAt, TreeSet<NodeId> awaiting) {
            this.steps = steps;
            this.leader = leader;
            this.term = term;
            this.electedAt = electedAt;
            this.awaiting = awaiting;
        }

        Election snapshot() {
            List<Round> rounds = new ArrayList<>();
            for (RoundBuilder r : steps.rounds) {
                rounds.add(r.build());
            }
            return new Election(steps.lostAt, steps.firings, rounds, leader, term, steps.previousTerm, electedAt, heard,
                    List.copyOf(awaiting));
        }
    }
}
