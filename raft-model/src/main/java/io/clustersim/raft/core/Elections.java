package io.clustersim.raft.core;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.VoteReason;
import io.clustersim.raft.storage.PersistOp;
import java.util.TreeSet;

/**
 * Leader election (paper, section 5.2; thesis section 9.6 for pre-vote), both sides: a candidate
 * running rounds and a voter answering RequestVote, in hashicorp/raft's rule order (hashicorp/raft raft.go requestVote, requestPreVote).
 */
final class Elections {
    /** One pre-vote or vote round of a candidate. */
    private static final class Round {
        final long term;
        final boolean preVote;
        final TreeSet<NodeId> granted = new TreeSet<>();
        final TreeSet<NodeId> refused = new TreeSet<>();
        boolean open;
        boolean lost;

        Round(long term, boolean preVote) {
            this.term = term;
            this.preVote = preVote;
        }
    }

    private final RaftServer s;
    private Round round;

    Elections(RaftServer s) {
        this.s = s;
    }

    // ---- candidate side ---------------------------------------------------------------------

    /**
     * Becomes (or stays) a candidate and starts a round: a pre-vote unless it is switched off or
     * this is a leadership transfer, which goes straight to a real election.
     */
    void campaign(boolean transfer) {
        if (!s.canCampaign()) {
            return;
        }
        s.leaderId = null;
        s.becomeCandidate();
        s.candidateFromTransfer = transfer;
        if (s.config.timing().preVote() && !transfer) {
            startPreVote();
        } else {
            startElection();
        }
    }

    /** The candidate's election timer fired: a new round (hashicorp re-enters the candidate state). */
    void electionTimeout() {
        if (s.role == Role.CANDIDATE) {
            campaign(false);
        }
    }

    /** Leaving the candidate state. */
    void stop() {
        round = null;
    }

    /** Pre-vote: ask for votes at currentTerm + 1 without incrementing or persisting the term. */
    private void startPreVote() {
        Round r = new Round(s.currentTerm + 1, true);
        round = r;
        s.timing.becomeCandidate(true);
        s.observer.electionStarted(s.id, r.term, true);
        r.open = true;
        r.granted.add(s.id);
        requestVotes(r, false);
        tally(r);
    }

    /** electSelf: increment and persist the term, vote for self, ask the voters once durable. */
    private void startElection() {
        s.currentTerm++;
        s.votedTerm = s.currentTerm;
        s.votedFor = s.id;
        s.persistence.enqueue(new PersistOp.SaveTerm(s.currentTerm));
        s.persistence.enqueue(new PersistOp.SaveVote(s.currentTerm, s.id));
        Round r = new Round(s.currentTerm, false);
        round = r;
        boolean transfer = s.candidateFromTransfer;
        s.timing.becomeCandidate(false);
        s.observer.electionStarted(s.id, r.term, false);
        s.persistence.afterDurable(() -> {
            if (round != r || s.role != Role.CANDIDATE) {
                return;
            }
            r.open = true;
            r.granted.add(s.id);
            requestVotes(r, transfer);
            tally(r);
        });
    }

    private void requestVotes(Round r, boolean transfer) {
        RequestVote rv = new RequestVote(r.term, s.id, s.log.lastIndex(), s.log.lastTerm(), r.preVote, transfer);
        for (NodeId voter : s.membership.latest().voters()) {
            if (!voter.equals(s.id)) {
                s.send(voter, rv);
            }
        }
    }

    void onVoteResponse(NodeId from, RequestVoteResponse resp) {
        if (resp.term() > s.currentTerm) {
            // Also for a pre-vote: a voter in a newer term means this candidate is behind.
            s.adoptTerm(resp.term());
            return;
        }
        Round r = round;
        if (s.role != Role.CANDIDATE || r == null || !r.open || resp.preVote() != r.preVote
                || resp.requestTerm() != r.term) {
            return;
        }
        (resp.granted() ? r.granted : r.refused).add(from);
        tally(r);
    }

    /** A majority of the latest configuration's voters wins the round (paper, section 5.2). */
    private void tally(Round r) {
        Configuration c = s.membership.latest();
        int votes = count(r.granted, c);
        if (votes >= c.quorumSize()) {
            if (r.preVote) {
                startElection();
            } else {
                s.becomeLeader();
            }
            return;
        }
        // Lost once the refusals leave too few voters to make a quorum (etcd's VoteLost).
        int refusals = count(r.refused, c);
        if (!r.lost && c.voterCount() - refusals < c.quorumSize()) {
            r.lost = true;
            s.observer.roundLost(s.id, r.term, r.preVote);
            if (s.timing.followsWhenRoundLost()) {
                // etcd stepCandidate: VoteLost -> becomeFollower(r.Term, None).
                s.leaderId = null;
                s.becomeFollower();
            }
            // hashicorp and the paper: a refused majority just waits for the election timer.
        }
    }

    private static int count(TreeSet<NodeId> ids, Configuration c) {
        int n = 0;
        for (NodeId v : ids) {
            if (c.isVoter(v)) {
                n++;
            }
        }
        return n;
    }

    // ---- voter side --------------------------------------------------------------------------

    /** RequestVote and pre-vote, in hashicorp's order (raft.go requestVote, requestPreVote). */
    void onRequestVote(NodeId from, RequestVote req) {
        if (s.timing.dropsUnanswered(req)) {
            s.observer.voteDecided(s.id, req, false, null);
            return;
        }
        VoteReason reason = decide(req);
        boolean granted = reason == VoteReason.GRANTED;
        s.observer.voteDecided(s.id, req, granted, reason);
        s.reply(from, new RequestVoteResponse(s.currentTerm, granted, req.preVote(), req.term()));
    }

    private VoteReason decide(RequestVote req) {
        Configuration latest = s.membership.latest();
        NodeId candidate = req.candidate();
        // 1 and 5: only voters of the latest configuration may be elected (an empty one is bootstrapping).
        if (!latest.isEmpty() && !latest.isVoter(candidate)) {
            return VoteReason.NOT_A_VOTER;
        }
        // 2: the profile's own rules: leader stickiness (hashicorp) or a leader lease, before the
        // term check so a live follower does not adopt the term.
        VoteReason screened = s.timing.screen(req);
        if (screened != null) {
            return screened;
        }
        // 3
        if (req.term() < s.currentTerm) {
            return VoteReason.STALE_TERM;
        }
        if (req.preVote()) {
            // Changes nothing, persists nothing (thesis, section 9.6).
            boolean votedOther = s.votedTerm == req.term() && s.votedFor != null && !s.votedFor.equals(candidate);
            if (votedOther) {
                return VoteReason.ALREADY_VOTED;
            }
            return logUpToDate(req) ? VoteReason.GRANTED : VoteReason.LOG_NOT_UP_TO_DATE;
        }
        // 4
        if (req.term() > s.currentTerm) {
            s.adoptTerm(req.term());
        }
        // 6: at most one vote per term (section 5.2); a repeated request gets the same answer.
        if (s.votedTerm == req.term() && s.votedFor != null) {
            return s.votedFor.equals(candidate) ? VoteReason.GRANTED : VoteReason.ALREADY_VOTED;
        }
        // 7: election restriction (section 5.4.1).
        if (!logUpToDate(req)) {
            return VoteReason.LOG_NOT_UP_TO_DATE;
        }
        // 8: persist the vote; the reply waits for it (PersistenceQueue).
        s.votedTerm = req.term();
        s.votedFor = candidate;
        s.persistence.enqueue(new PersistOp.SaveVote(req.term(), candidate));
        s.lastContact = s.now();
        s.timing.voteGranted();
        s.observer.voteGranted(s.id, req.term(), candidate);
        return VoteReason.GRANTED;
    }

    /** Section 5.4.1: the candidate's log is at least as up-to-date as ours. */
    private boolean logUpToDate(RequestVote req) {
        long ourTerm = s.log.lastTerm();
        if (ourTerm != req.lastLogTerm()) {
            return req.lastLogTerm() > ourTerm;
        }
        return req.lastLogIndex() >= s.log.lastIndex();
    }

    /** Leadership transfer target: campaign at once, skipping pre-vote (thesis, section 3.10). */
    void onTimeoutNow(NodeId from, TimeoutNow m) {
        if (m.term() < s.currentTerm) {
            return;
        }
        s.adoptTerm(m.term());
        campaign(true);
    }
}
