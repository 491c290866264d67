package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.ClientRead;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.ClientStatus;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.ReadConsistency;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of the Raft paper (Ongaro and Ousterhout, 2014), driving servers through fake
 * ports step by step, in the style of etcd's raft_paper_test.go. Servers s1..sN start bootstrapped
 * with the configuration at index 1, term 1. Unless a test says otherwise it uses the paper's
 * timing profile (no pre-vote, no leader stickiness); {@link HashicorpBehaviourTest} covers what
 * hashicorp/raft adds.
 */
class RaftPaperTest {
    static final RaftConfig PAPER = RaftConfig.paper();
    static final NodeId CLIENT = new NodeId(99, "c1");

    /** Fires s{@code i}'s election timer and lets everything settle: s{@code i} leads. */
    static void elect(FakeCluster c, int i, String timer) {
        c.fire(i, timer);
        c.settle();
        assertThat(c.server(i).view().role()).isEqualTo(Role.LEADER);
    }

    static Command cmd(String key) {
        return new Command(key, key + "-value", 10);
    }

    // ---- section 5.1: terms --------------------------------------------------------------------

    @Test
    void when_requestCarriesStaleTerm_then_itIsRejectedWithCurrentTerm() {
        // Reference: section 5.1 "If a server receives a request with a stale term number, it rejects the request."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntries(0, id(2), 0, 0, List.of(), 0, 1, false)));
        c.sync(1);
        List<Envelope<AppendEntriesResponse>> r = c.take(1, AppendEntriesResponse.class);
        assertThat(r).singleElement().satisfies(e -> {
            assertThat(e.message().success()).isFalse();
            assertThat(e.message().term()).isEqualTo(1);
        });
    }

    @Test
    void when_leaderSeesHigherTermInResponse_then_itBecomesFollowerInThatTerm() {
        // Reference: section 5.1 "If a candidate or leader discovers that its term is out of date,
        // it immediately reverts to follower state."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        elect(c, 1, "raft/election");
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(7, false, 0, 0, 1, false)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(7);
        c.sync(1);
        assertThat(c.image(1).currentTerm()).isEqualTo(7);
    }

    // ---- section 5.2: leader election ---------------------------------------------------------

    @Test
    void when_followerHearsNothingForElectionTimeout_then_itCampaignsInNextTermVotingForItself() {
        // Reference: section 5.2 "To begin an election, a follower increments its current term and
        // transitions to candidate state. It then votes for itself and issues RequestVote RPCs."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        assertThat(c.timerDue(1, "raft/election")).isEqualTo(Duration.ofMillis(150).toNanos());
        c.fire(1, "raft/election");
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(2);
        // Figure 2: the term and vote are persisted before the requests go out.
        assertThat(c.take(1, RequestVote.class)).isEmpty();
        c.sync(1);
        assertThat(c.image(1).currentTerm()).isEqualTo(2);
        assertThat(c.image(1).votedFor()).isEqualTo(id(1));
        List<Envelope<RequestVote>> rvs = c.take(1, RequestVote.class);
        assertThat(rvs).extracting(Envelope::to).containsExactly(id(2), id(3));
        assertThat(rvs).allSatisfy(e -> {
            assertThat(e.message().term()).isEqualTo(2);
            assertThat(e.message().lastLogIndex()).isEqualTo(1);
            assertThat(e.message().lastLogTerm()).isEqualTo(1);
            assertThat(e.message().preVote()).isFalse();
        });
    }

    @Test
    void when_candidateGetsVotesFromMajority_then_itBecomesLeaderAndAppendsNoOp() {
        // Reference: section 5.2 "A candidate wins an election if it receives votes from a majority
        // of the servers in the full cluster for the same term"; section 8: a no-op at term start.
        FakeCluster c = new FakeCluster(PAPER, 5, 0);
        c.fire(1, "raft/election");
        c.sync(1);
        List<Envelope<RequestVote>> rvs = c.take(1, RequestVote.class);
        c.deliver(rvs.get(0));
        c.sync(2);
        c.deliverAll(c.take(2, RequestVoteResponse.class));
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE); // 2 of 5
        c.deliver(rvs.get(1));
        c.sync(3);
        c.deliverAll(c.take(3, RequestVoteResponse.class));
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER); // 3 of 5
        LogEntry noop = c.server(1).view().entryAt(2);
        assertThat(noop.term()).isEqualTo(2);
        assertThat(noop.payload()).isInstanceOf(EntryPayload.NoOp.class);
    }

    @Test
    void when_twoCandidatesAskInOneTerm_then_aVoterGrantsOnlyTheFirst() {
        // Reference: section 5.2 "Each server will vote for at most one candidate in a given term,
        // on a first-come-first-served basis."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(1), id(2), new RequestVote(2, id(1), 1, 1, false, false)));
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(2, id(3), 1, 1, false, false)));
        c.deliver(new Envelope<>(id(1), id(2), new RequestVote(2, id(1), 1, 1, false, false)));
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).extracting(e -> e.message().granted())
                .containsExactly(true, false, true);
    }

    @Test
    void when_candidateReceivesAppendEntriesFromLeaderOfItsTerm_then_itBecomesFollower() {
        // Reference: section 5.2 "If the leader's term is at least as large as the candidate's
        // current term, then the candidate recognizes the leader as legitimate and returns to follower state."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.fire(1, "raft/election");
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntries(2, id(2), 1, 1, List.of(), 1, 1, false)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().leader()).isEqualTo(id(2));
    }

    @Test
    void when_electionTimesOutWithoutWinner_then_candidateStartsNewElectionInNextTerm() {
        // Reference: section 5.2 "each candidate will time out and start a new election by
        // incrementing its term and initiating another round of RequestVote RPCs."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.fire(1, "raft/election");
        c.sync(1);
        c.clearOutbox();
        c.fire(1, "raft/election");
        c.sync(1);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(3);
        assertThat(c.take(1, RequestVote.class)).extracting(e -> e.message().term()).containsOnly(3L);
    }

    @Test
    void when_electionTimeoutIsRandomised_then_itLiesInTheConfiguredRange() {
        // Reference: section 5.2 "election timeouts are chosen randomly from a fixed interval (e.g., 150–300ms)".
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        long due = c.timerDue(2, "raft/election");
        assertThat(due).isBetween(Duration.ofMillis(150).toNanos(), Duration.ofMillis(300).toNanos() - 1);
    }

    // ---- section 5.3: log replication ----------------------------------------------------------

    @Test
    void when_prevLogEntryDoesNotMatch_then_followerRejectsAppendEntries() {
        // Reference: section 5.3 "If the follower does not find an entry in its log with the same
        // index and term, then it refuses the new entries." (consistency check)
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        LogEntry e3 = new LogEntry(3, 2, new EntryPayload.NoOp());
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 2, 2, List.of(e3), 0, 1, false)));
        c.sync(2);
        assertThat(c.take(2, AppendEntriesResponse.class)).singleElement().satisfies(e -> {
            assertThat(e.message().success()).isFalse();
            assertThat(e.message().lastLogIndex()).isEqualTo(1);
        });
        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(1);
    }

    @Test
    void when_existingEntryConflicts_then_followerDeletesItAndAllThatFollow() {
        // Reference: section 5.3 / Figure 2 "If an existing entry conflicts with a new one (same
        // index but different terms), delete the existing entry and all that follow it."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        List<LogEntry> old = List.of(new LogEntry(2, 2, new EntryPayload.NoOp()), new LogEntry(3, 2, new EntryPayload.NoOp()),
                new LogEntry(4, 2, new EntryPayload.NoOp()));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, old, 0, 1, false)));
        LogEntry fresh = new LogEntry(3, 3, new EntryPayload.NoOp());
        c.deliver(new Envelope<>(id(3), id(2), new AppendEntries(3, id(3), 2, 2, List.of(fresh), 0, 2, false)));
        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(3);
        assertThat(c.server(2).view().termAt(3)).isEqualTo(3);
        assertThat(c.server(2).view().termAt(2)).isEqualTo(2);
        c.sync(2);
        assertThat(c.image(2).lastIndex()).isEqualTo(3);
    }

    @Test
    void when_entriesAlreadyPresent_then_followerKeepsLaterEntries() {
        // Reference: Figure 2 "Append any new entries not already in the log": a stale, reordered
        // AppendEntries must not cut off entries a later one added.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        LogEntry e2 = new LogEntry(2, 2, new EntryPayload.NoOp());
        LogEntry e3 = new LogEntry(3, 2, new EntryPayload.NoOp());
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(e2, e3), 0, 2, false)));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(e2), 0, 1, false)));
        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(3);
    }

    @Test
    void when_leaderCommitIsAhead_then_followerCommitsOnlyUpToLastNewEntry() {
        // Reference: Figure 2 "If leaderCommit > commitIndex, set commitIndex = min(leaderCommit,
        // index of last new entry)": a suffix the request did not verify is not committed.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        List<LogEntry> stale = List.of(new LogEntry(2, 2, new EntryPayload.NoOp()), new LogEntry(3, 2, new EntryPayload.NoOp()));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, stale, 1, 1, false)));
        LogEntry e2 = new LogEntry(2, 2, new EntryPayload.NoOp());
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(e2), 3, 2, false)));
        assertThat(c.server(2).view().commitIndex()).isEqualTo(2);
    }

    @Test
    void when_followerRejects_then_leaderBacksOffNextIndexToFollowersLastLogPlusOne() {
        // Reference: section 5.3 "After a rejection, the leader decrements nextIndex and retries";
        // hashicorp: nextIndex = max(min(nextIndex - 1, follower's lastLog + 1), 1).
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        elect(c, 1, "raft/election");
        for (int i = 0; i < 8; i++) {
            c.server(1).propose(new RequestId("c", i), cmd("k" + i));
            c.sync(1);
            // Everything to s2 is lost; the leader pipelines on regardless.
            c.deliverAll(c.take(1, AppendEntries.class).stream().filter(e -> e.to().equals(id(3))).toList());
            c.settle();
        }
        assertThat(c.server(1).view().commitIndex()).isEqualTo(10);
        long term = c.server(1).view().currentTerm();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(term, false, 4, 0, 1_000, false)));
        assertThat(c.take(1, AppendEntries.class)).singleElement()
                .satisfies(e -> assertThat(e.message().prevLogIndex()).isEqualTo(4));
    }

    @Test
    void when_entryIsOnMajority_then_leaderCommitsAndAppliesItAndFollowersLearnCommitIndex() {
        // Reference: section 5.3 "A log entry is committed once the leader that created the entry
        // has replicated it on a majority of the servers"; followers apply in log order.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        elect(c, 1, "raft/election");
        long index = c.server(1).propose(new RequestId("c", 1), cmd("x"));
        c.sync(1);
        // Reach s2 only: that is a majority of three.
        c.deliverAll(c.take(1, AppendEntries.class).stream().filter(e -> e.to().equals(id(2))).toList());
        c.sync(2);
        c.deliverAll(c.take(2, AppendEntriesResponse.class));
        assertThat(c.server(1).view().commitIndex()).isEqualTo(index);
        assertThat(c.server(1).view().lastApplied()).isEqualTo(index);
        c.fire(1, "raft/heartbeat");
        c.settle();
        assertThat(c.server(3).view().commitIndex()).isEqualTo(index);
    }

    // ---- section 5.4: safety -------------------------------------------------------------------

    @Test
    void when_candidateLogIsLessUpToDate_then_voterDeniesVote() {
        // Reference: section 5.4.1 "If the logs have last entries with different terms, then the
        // log with the later term is more up-to-date. If the logs end with the same term, then
        // whichever log is longer is more up-to-date."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        List<LogEntry> entries = List.of(new LogEntry(2, 2, new EntryPayload.NoOp()), new LogEntry(3, 2, new EntryPayload.NoOp()));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, entries, 0, 1, false)));
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(3, id(3), 5, 1, false, false))); // older last term
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(4, id(3), 2, 2, false, false))); // same term, shorter
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(5, id(3), 3, 2, false, false))); // as up-to-date
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).extracting(e -> e.message().granted())
                .containsExactly(false, false, true);
    }

    @Test
    void when_leaderReplicatesEntryOfEarlierTerm_then_itDoesNotCommitItByCountingReplicas() {
        // Reference: section 5.4.2 and Figure 8 "Raft never commits log entries from previous terms
        // by counting replicas. Only log entries from the leader's current term are committed by
        // counting replicas."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        // s1 leads term 2 and appends its no-op 2@2, which reaches nobody.
        c.fire(1, "raft/election");
        c.sync(1);
        c.deliverAll(c.take(1, RequestVote.class));
        c.sync(2);
        c.sync(3);
        c.deliverAll(c.take(0, RequestVoteResponse.class));
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        c.sync(1);
        c.clearOutbox();
        // It restarts and wins term 3 with s2's vote; its no-op 3@3 follows 2@2.
        c.crash(1);
        c.restart(1);
        c.fire(1, "raft/election");
        c.sync(1);
        c.deliverAll(c.take(1, RequestVote.class).stream().filter(e -> e.to().equals(id(2))).toList());
        c.sync(2);
        c.deliverAll(c.take(2, RequestVoteResponse.class));
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        assertThat(c.server(1).view().termAt(2)).isEqualTo(2);
        assertThat(c.server(1).view().termAt(3)).isEqualTo(3);
        c.sync(1);
        c.clearOutbox();
        // s2 now stores 2@2 too: a majority, but of an entry from term 2.
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(3, true, 2, 2, 50, false)));
        assertThat(c.server(1).view().commitIndex()).isEqualTo(0);
        // Once 3@3 is on a majority, both commit.
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(3, true, 3, 3, 51, false)));
        assertThat(c.server(1).view().commitIndex()).isEqualTo(3);
    }

    // ---- Figure 2: persistent state ------------------------------------------------------------

    @Test
    void when_voteIsGranted_then_theAnswerWaitsUntilTheVoteIsDurable() {
        // Reference: Figure 2 "Persistent state on all servers (Updated on stable storage before
        // responding to RPCs)".
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(1), id(2), new RequestVote(2, id(1), 1, 1, false, false)));
        assertThat(c.take(2, RequestVoteResponse.class)).isEmpty();
        c.sync(2);
        assertThat(c.image(2).votedFor()).isEqualTo(id(1));
        assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().granted()).isTrue());
    }

    @Test
    void when_entriesAreAppended_then_successIsReportedOnlyAfterFsync() {
        // Reference: Figure 2 (log[] is persistent state); hashicorp stores logs before answering.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        LogEntry e2 = new LogEntry(2, 2, new EntryPayload.NoOp());
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(e2), 0, 1, false)));
        assertThat(c.take(2, AppendEntriesResponse.class)).isEmpty();
        c.sync(2);
        assertThat(c.image(2).lastIndex()).isEqualTo(2);
        assertThat(c.take(2, AppendEntriesResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().success()).isTrue());
    }

    @Test
    void when_serverCrashesBeforeVoteIsSynced_then_theVoteIsForgottenAndWasNeverAnnounced() {
        // Reference: Figure 2: a crash loses only what was not yet on stable storage, and nothing
        // unsynced was ever promised to anyone, so a fresh vote in that term is still safe.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(1), id(2), new RequestVote(2, id(1), 1, 1, false, false)));
        c.crash(2);
        assertThat(c.take(2, RequestVoteResponse.class)).isEmpty();
        c.restart(2);
        assertThat(c.server(2).view().currentTerm()).isEqualTo(1);
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(2, id(3), 1, 1, false, false)));
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().granted()).isTrue());
    }

    @Test
    void when_serverRestarts_then_itRecoversTermVoteAndLogFromDisk() {
        // Reference: Figure 2; a restarted server rejoins with its persistent state.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        elect(c, 1, "raft/election");
        c.server(1).propose(new RequestId("c", 1), cmd("a"));
        c.settle();
        c.crash(2);
        c.restart(2);
        assertThat(c.server(2).view().currentTerm()).isEqualTo(2);
        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(3);
        // The commit index is volatile (hashicorp v1.7.3 does not persist it): relearned from the leader.
        assertThat(c.server(2).view().commitIndex()).isEqualTo(0);
    }

    // ---- section 7: log compaction -------------------------------------------------------------

    @Test
    void when_followerNeedsCompactedEntries_then_leaderSendsSnapshotAndFollowerInstallsIt() {
        // Reference: section 7 "the leader must occasionally send snapshots to followers that lag
        // behind ... when it has already discarded the next log entry that it needs to send."
        RaftConfig cfg = PAPER.withSnapshotThreshold(5).withTrailingLogs(0).withSnapshotInterval(Duration.ZERO);
        FakeCluster c = new FakeCluster(cfg, 3, 0);
        c.crash(3);
        elect(c, 1, "raft/election");
        for (int i = 0; i < 10; i++) {
            c.server(1).propose(new RequestId("c", i), cmd("k" + i));
            c.settle();
        }
        assertThat(c.server(1).view().snapshotIndex()).isGreaterThanOrEqualTo(5);
        c.restart(3);
        // The snapshot sent while s3 was down is lost; s3's answer to a later heartbeat shows it.
        c.fire(1, "raft/heartbeat");
        c.deliverAll(c.take(1, AppendEntries.class));
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        assertThat(c.outbox()).anySatisfy(e -> assertThat(e.message()).isInstanceOf(InstallSnapshot.class));
        c.settle();
        assertThat(c.server(3).view().snapshotIndex()).isGreaterThanOrEqualTo(5);
        assertThat(c.server(3).view().commitIndex()).isEqualTo(c.server(1).view().commitIndex());
        c.deliver(new Envelope<>(CLIENT, id(3), new ClientRead(new RequestId("c", 100), "k3", ReadConsistency.STALE)));
        assertThat(c.take(3, ClientResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().value()).isEqualTo("k3-value"));
    }

    // ---- section 6: clients ----------------------------------------------------------------------

    @Test
    void when_clientWritesToFollower_then_itIsRedirectedToTheLeader() {
        // Reference: section 6 "If the client's first choice is not the leader, that server will
        // reject the client's request and supply information about the most recent leader it has heard from."
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        elect(c, 1, "raft/election");
        c.deliver(new Envelope<>(CLIENT, id(2), new io.clustersim.raft.message.ClientWrite(new RequestId("c", 1), cmd("x"))));
        assertThat(c.take(2, ClientResponse.class)).singleElement().satisfies(e -> {
            assertThat(e.message().status()).isEqualTo(ClientStatus.NOT_LEADER);
            assertThat(e.message().leaderHint()).isEqualTo(id(1));
        });
    }

    @Test
    void when_consistentReadArrives_then_leaderAnswersOnlyAfterAMajorityConfirmsItsLeadership() {
        // Reference: section 6.4 (thesis) read index: record the commit index, exchange heartbeats
        // with a majority, then answer.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        elect(c, 1, "raft/election");
        c.server(1).propose(new RequestId("c", 1), cmd("x"));
        c.settle();
        c.deliver(new Envelope<>(CLIENT, id(1), new ClientRead(new RequestId("c", 2), "x", ReadConsistency.CONSISTENT)));
        assertThat(c.take(1, ClientResponse.class)).isEmpty();
        List<Envelope<AppendEntries>> heartbeats = c.take(1, AppendEntries.class);
        assertThat(heartbeats).hasSize(2);
        c.deliver(heartbeats.get(0));
        c.sync(2);
        c.deliverAll(c.take(2, AppendEntriesResponse.class));
        assertThat(c.take(1, ClientResponse.class)).singleElement().satisfies(e -> {
            assertThat(e.message().status()).isEqualTo(ClientStatus.OK);
            assertThat(e.message().value()).isEqualTo("x-value");
        });
    }
}
