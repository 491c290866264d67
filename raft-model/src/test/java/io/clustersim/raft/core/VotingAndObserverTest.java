package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import io.clustersim.raft.testing.RecordingObserver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The voter's reasons, the candidate's rounds and what servers tell their observers (hashicorp/raft
 * raft.go requestVote and requestPreVote rule order; the paper, section 5.2; thesis section 9.6
 * for pre-vote). Reasons matter: the election recorder and the checker read them.
 */
class VotingAndObserverTest {
    static final RaftConfig PAPER = RaftConfig.paper();

    private final RecordingObserver observer = new RecordingObserver();

    private static RequestVote vote(long term, int candidate, long lastIndex, long lastTerm, boolean pre) {
        return new RequestVote(term, id(candidate), lastIndex, lastTerm, pre, false);
    }

    @Test
    void when_votesAreRequestedForEveryReason_then_eachAnswerNamesItsReason() {
        FakeCluster c = new FakeCluster(PAPER, 3, 1, observer);
        observer.clear();
        c.deliver(new Envelope<>(id(4), id(2), vote(2, 4, 1, 1, false))); // a non-voter
        c.deliver(new Envelope<>(id(3), id(2), vote(0, 3, 1, 1, false))); // stale term
        c.deliver(new Envelope<>(id(3), id(2), vote(2, 3, 0, 0, false))); // log behind
        c.deliver(new Envelope<>(id(1), id(2), vote(2, 1, 1, 1, false))); // granted
        c.deliver(new Envelope<>(id(3), id(2), vote(2, 3, 1, 1, false))); // already voted for s1
        c.deliver(new Envelope<>(id(1), id(2), vote(2, 1, 1, 1, false))); // the same again

        assertThat(observer.of(id(2), "voteDecided")).containsExactly(
                "s2 voteDecided s4 t2 refused NOT_A_VOTER",
                "s2 voteDecided s3 t0 refused STALE_TERM",
                "s2 voteDecided s3 t2 refused LOG_NOT_UP_TO_DATE",
                "s2 voteDecided s1 t2 granted GRANTED",
                "s2 voteDecided s3 t2 refused ALREADY_VOTED",
                "s2 voteDecided s1 t2 granted GRANTED");
        assertThat(observer.of(id(2), "voteGranted")).containsExactly("s2 voteGranted t2 s1");
    }

    @Test
    void when_aFollowerKnowsItsLeader_then_itRefusesWithLeaderKnown() {
        FakeCluster c = new FakeCluster(RaftConfig.hashicorp(), 3, 0, observer);
        c.fire(1, "raft/heartbeat-check");
        c.settle();
        observer.clear();
        c.deliver(new Envelope<>(id(3), id(2), vote(9, 3, 9, 9, false)));
        assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t9 refused LEADER_KNOWN");
    }

    @Test
    void when_aPreVoteComesForATermInWhichTheVoterVotedForSomeoneElse_then_itIsRefusedAndNothingChanges() {
        // requestPreVote: a vote already cast in that term for another candidate means no.
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        c.deliver(new Envelope<>(id(1), id(2), vote(3, 1, 1, 1, false)));
        c.sync(2);
        observer.clear();
        c.deliver(new Envelope<>(id(3), id(2), vote(3, 3, 1, 1, true)));
        c.deliver(new Envelope<>(id(1), id(2), vote(3, 1, 1, 1, true)));
        c.deliver(new Envelope<>(id(3), id(2), vote(4, 3, 1, 1, true)));
        c.sync(2);

        assertThat(observer.of(id(2), "voteDecided")).containsExactly(
                "s2 voteDecided s3 t3 pre refused ALREADY_VOTED",
                "s2 voteDecided s1 t3 pre granted GRANTED",
                "s2 voteDecided s3 t4 pre granted GRANTED");
        assertThat(c.server(2).view().currentTerm()).isEqualTo(3);
        assertThat(c.image(2).votedFor()).isEqualTo(id(1));
        assertThat(c.image(2).votedTerm()).isEqualTo(3);
    }

    @Test
    void when_anEtcdVoterIgnoresARequest_then_theObserverHearsADecisionWithoutReason() {
        // etcd Step: a real vote request of a lower term is dropped unanswered.
        FakeCluster c = new FakeCluster(RaftConfig.etcd(), 3, 0, observer);
        c.deliver(new Envelope<>(id(3), id(2), vote(0, 3, 1, 1, false)));
        c.sync(2);
        assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t0 refused null");
        assertThat(c.take(2, RequestVoteResponse.class)).isEmpty();
    }

    @Test
    void when_answersOfAnEarlierRoundArrive_then_theyDoNotCountInTheCurrentOne() {
        FakeCluster c = new FakeCluster(PAPER, 5, 0, observer);
        c.fire(1, "raft/election");
        c.sync(1);
        c.fire(1, "raft/election");
        c.sync(1);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(3);
        for (int v = 2; v <= 4; v++) {
            c.deliver(new Envelope<>(id(v), id(1), new RequestVoteResponse(2, true, false, 2)));
        }
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
        for (int v = 2; v <= 3; v++) {
            c.deliver(new Envelope<>(id(v), id(1), new RequestVoteResponse(3, true, false, 3)));
        }
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void when_aLoneServerRunsPreVote_then_itsOwnVoteWinsBothRoundsAtOnce() {
        FakeCluster c = new FakeCluster(RaftConfig.hashicorp(), 1, 0, observer);
        c.fire(1, "raft/heartbeat-check");
        c.sync(1);
        assertThat(c.server(1).isLeader()).isTrue();
        assertThat(observer.of(id(1), "electionStarted")).containsExactly("s1 electionStarted t2 pre",
                "s1 electionStarted t2");
    }

    @Test
    void when_everyVoterRefusesThePreVote_then_theRoundIsReportedLost() {
        FakeCluster c = new FakeCluster(RaftConfig.hashicorp(), 3, 0, observer);
        c.fire(1, "raft/heartbeat-check");
        c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(1, false, true, 2)));
        assertThat(observer.of(id(1), "roundLost")).isEmpty();
        c.deliver(new Envelope<>(id(3), id(1), new RequestVoteResponse(1, false, true, 2)));
        assertThat(observer.of(id(1), "roundLost")).containsExactly("s1 roundLost t2 pre");
        // hashicorp: a lost round just waits for the election timer.
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void when_aTimeoutNowIsStaleOrNewer_then_itIsIgnoredOrTheTermIsAdoptedBeforeCampaigning() {
        // Thesis section 3.10: the target campaigns at once, in the term after the sender's.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(3, id(1), 1, 1, List.of(), 0, 1, false)));
        c.deliver(new Envelope<>(id(1), id(2), new TimeoutNow(2)));
        assertThat(c.server(2).view().role()).isEqualTo(Role.FOLLOWER);
        c.deliver(new Envelope<>(id(1), id(2), new TimeoutNow(5)));
        assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.server(2).view().currentTerm()).isEqualTo(6);
    }

    @Test
    void when_anElectionIsWon_then_theObserverHearsEachStepInOrder() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        assertThat(observer.of(id(1), "")).containsExactly("s1 serverStarted", "s1 logAppended 1..1");
        observer.clear();
        c.fire(1, "raft/election");
        c.settle();

        assertThat(observer.of(id(1), "")).startsWith("s1 electionTimerFired t1 FOLLOWER",
                "s1 roleChanged t1 FOLLOWER->CANDIDATE", "s1 electionStarted t2");
        assertThat(observer.of(id(1), "roleChanged")).containsExactly("s1 roleChanged t1 FOLLOWER->CANDIDATE",
                "s1 roleChanged t2 CANDIDATE->LEADER");
        assertThat(observer.of(id(1), "leaderElected")).containsExactly("s1 leaderElected t2");
        assertThat(observer.of(id(1), "logAppended")).containsExactly("s1 logAppended 2..2");
        assertThat(observer.of(id(2), "leaderDiscovered")).containsExactly("s2 leaderDiscovered t2 s1");
        assertThat(observer.of(id(2), "logAppended")).containsExactly("s2 logAppended 2..2");
        assertThat(observer.of(id(1), "entryCommitted")).containsExactly("s1 entryCommitted 1", "s1 entryCommitted 2");
        assertThat(observer.of(id(1), "entryApplied")).containsExactly("s1 entryApplied 1", "s1 entryApplied 2");
    }

    @Test
    void when_theCommitIndexAdvancesAgain_then_onlyTheNewlyCommittedEntriesAreReported() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        c.fire(1, "raft/election");
        c.settle();
        c.server(1).propose(new io.clustersim.raft.log.RequestId("c", 1), new io.clustersim.raft.log.Command("x", "1", 10));
        c.settle();
        assertThat(observer.of(id(1), "entryCommitted")).containsExactly("s1 entryCommitted 1", "s1 entryCommitted 2",
                "s1 entryCommitted 3");
    }

    @Test
    void when_aTransferCandidateHearsFromALeaderOfItsOwnTerm_then_itKeepsCampaignButLearnsTheLeader() {
        // hashicorp appendEntries: a candidate steps down on an append of its term unless its
        // candidacy came from a leadership transfer (candidateFromLeadershipTransfer).
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(1), id(2), new TimeoutNow(2)));
        assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.server(2).view().currentTerm()).isEqualTo(3);
        c.deliver(new Envelope<>(id(3), id(2), new AppendEntries(3, id(3), 1, 1, List.of(), 0, 1, false)));
        assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.server(2).view().leader()).isEqualTo(id(3));
    }

    @Test
    void when_aTruncationRemovesAConfiguration_then_theEarlierOneGovernsAgainAndIsReported() {
        // Thesis section 4.1: the latest configuration in the log governs, committed or not, so
        // deleting it brings the previous one back.
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        Configuration three = c.server(2).view().configuration();
        Configuration four = three.with(new NodeId(4, "s4"), io.clustersim.raft.membership.Suffrage.VOTER);
        observer.clear();
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1,
                List.of(new LogEntry(2, 2, new EntryPayload.ConfigChange(four)), new LogEntry(3, 2, new EntryPayload.NoOp())),
                0, 1, false)));
        assertThat(c.server(2).view().configuration()).isEqualTo(four);
        c.deliver(new Envelope<>(id(3), id(2), new AppendEntries(3, id(3), 2, 2,
                List.of(new LogEntry(3, 3, new EntryPayload.NoOp())), 0, 1, false)));
        assertThat(observer.of(id(2), "logTruncated")).containsExactly("s2 logTruncated 3");
        assertThat(observer.of(id(2), "configurationChanged")).as("a truncation that keeps the configuration")
                .containsExactly("s2 configurationChanged 2 {s1, s2, s3, s4}");
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(4, id(1), 1, 1,
                List.of(new LogEntry(2, 4, new EntryPayload.NoOp())), 0, 1, false)));

        assertThat(c.server(2).view().configuration()).isEqualTo(three);
        assertThat(observer.of(id(2), "logTruncated")).containsExactly("s2 logTruncated 3", "s2 logTruncated 2");
        assertThat(observer.of(id(2), "configurationChanged")).containsExactly(
                "s2 configurationChanged 2 {s1, s2, s3, s4}", "s2 configurationChanged 1 {s1, s2, s3}");
    }
}
