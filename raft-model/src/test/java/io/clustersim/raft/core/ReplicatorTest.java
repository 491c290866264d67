package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leader's side of replication (paper, section 5.3; hashicorp/raft replication.go): probing
 * for the point where logs agree, pipelining once they do, the in-flight limit, lost requests
 * revealed by later answers, snapshots for followers behind the compacted log, commitment
 * counting, the leader lease and check-quorum, and leadership transfer.
 */
class ReplicatorTest {
    static final RaftConfig PAPER = RaftConfig.paper();
    static final String ELECTION = "raft/election";

    static Command cmd(int i) {
        return new Command("k" + i, "v" + i, 10);
    }

    static FakeCluster leader(RaftConfig config, int voters, int nonVoters) {
        FakeCluster c = new FakeCluster(config, voters, nonVoters);
        c.fire(1, config.timing() instanceof io.clustersim.raft.config.TimingProfile.Hashicorp ? "raft/heartbeat-check"
                : ELECTION);
        c.settle();
        assertThat(c.server(1).isLeader()).isTrue();
        c.clearOutbox();
        return c;
    }

    static List<Envelope<AppendEntries>> appendsTo(FakeCluster c, int to) {
        return c.take(1, AppendEntries.class).stream().filter(e -> e.to().equals(id(to))).toList();
    }

    static long term(FakeCluster c) {
        return c.server(1).view().currentTerm();
    }

    // ---- pipelining and its limits ------------------------------------------------------------------

    @Test
    void when_manyEntriesWaitForAPipelinedFollower_then_atMostSixteenRequestsAreInFlight() {
        // Replicator.MAX_INFLIGHT; answers free a slot each, heartbeat answers do not.
        FakeCluster c = leader(PAPER.withMaxAppendEntries(1), 3, 0);
        for (int i = 0; i < 40; i++) {
            c.server(1).propose(new RequestId("c", i), cmd(i));
        }
        c.sync(1);
        List<Envelope<AppendEntries>> first = appendsTo(c, 2);
        assertThat(first).hasSize(Replicator.MAX_INFLIGHT);
        assertThat(first).allSatisfy(e -> assertThat(e.message().entries()).hasSize(1));

        long t = term(c);
        for (int i = 0; i < 3; i++) {
            c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(t, true, 2, 0, 900 + i, true)));
        }
        assertThat(appendsTo(c, 2)).as("heartbeat answers free no slot").isEmpty();

        long firstIndex = first.get(0).message().entries().get(0).index();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(t, true, firstIndex, firstIndex,
                first.get(0).message().seq(), false)));
        assertThat(appendsTo(c, 2)).singleElement()
                .satisfies(e -> assertThat(e.message().entries().get(0).index()).isEqualTo(firstIndex + 16));
    }

    /** s3 misses 40 entries (maxAppendEntries 1) while down, then comes back: the leader must probe. */
    private static FakeCluster behindFollower(int entries) {
        FakeCluster c = leader(PAPER.withMaxAppendEntries(1), 3, 0);
        c.crash(3);
        for (int i = 0; i < entries; i++) {
            c.server(1).propose(new RequestId("c", i), cmd(i));
        }
        c.settle();
        c.restart(3);
        c.clearOutbox();
        c.fire(1, "raft/heartbeat");
        c.deliverAll(appendsTo(c, 3));
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        return c;
    }

    @Test
    void when_aProbeFindsWhereTheLogsAgree_then_theLeaderPipelinesUpToTheInFlightLimitAtOnce() {
        FakeCluster c = behindFollower(40);
        List<Envelope<AppendEntries>> probe = appendsTo(c, 3);
        assertThat(probe).as("one probe at a time, from the follower's last entry").singleElement()
                .satisfies(e -> assertThat(e.message().prevLogIndex()).isEqualTo(2));
        c.deliverAll(probe);
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));

        List<Envelope<AppendEntries>> pipelined = appendsTo(c, 3);
        assertThat(pipelined).hasSize(Replicator.MAX_INFLIGHT);
        assertThat(pipelined.get(0).message().prevLogIndex()).isEqualTo(3);
    }

    @Test
    void when_fewerEntriesThanTheLimitAreMissing_then_allOfThemGoOutAtOnce() {
        FakeCluster c = behindFollower(5);
        c.deliverAll(appendsTo(c, 3));
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        // The probe carried entry 3; entries 4..7 follow together.
        assertThat(appendsTo(c, 3)).extracting(e -> e.message().entries().get(0).index()).containsExactly(4L, 5L, 6L, 7L);
    }

    // ---- probing --------------------------------------------------------------------------------------

    @Test
    void when_eachProbeIsRejected_then_theLeaderBacksOffOneEntryAtATime() {
        // hashicorp: nextIndex = max(min(nextIndex - 1, follower's lastLog + 1), 1); a rejection of
        // a request sent before the last reset is stale and ignored. Here s2 leads term 3 with a
        // log of 7 entries, and s3 (down until now) has never confirmed any.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.crash(3);
        c.fire(1, ELECTION);
        c.settle();
        for (int i = 0; i < 5; i++) {
            c.server(1).propose(new RequestId("c", i), cmd(i));
        }
        c.settle();
        c.fire(2, ELECTION);
        c.settle();
        assertThat(c.server(2).isLeader()).isTrue();
        c.restart(3);
        c.clearOutbox();
        c.fire(2, "raft/heartbeat");
        AppendEntries probe = c.take(2, AppendEntries.class).stream().filter(e -> e.to().equals(id(3))).findFirst()
                .orElseThrow().message();
        long t = c.server(2).view().currentTerm();
        long prev = probe.prevLogIndex();
        // s3 claims a long log that conflicts everywhere.
        c.deliver(new Envelope<>(id(3), id(2), new AppendEntriesResponse(t, false, 100, 0, probe.seq(), false)));
        AppendEntries second = c.take(2, AppendEntries.class).get(0).message();
        assertThat(second.prevLogIndex()).isEqualTo(prev - 1);
        c.deliver(new Envelope<>(id(3), id(2), new AppendEntriesResponse(t, false, 100, 0, probe.seq(), false)));
        assertThat(c.take(2, AppendEntries.class)).as("a second answer to the old probe is stale").isEmpty();
        c.deliver(new Envelope<>(id(3), id(2), new AppendEntriesResponse(t, false, 100, 0, second.seq(), false)));
        assertThat(c.take(2, AppendEntries.class)).singleElement()
                .satisfies(e -> assertThat(e.message().prevLogIndex()).isEqualTo(prev - 2));
    }

    @Test
    void when_aRejectionReportsAShortLog_then_nextIndexStillNeverFallsToOrBelowWhatTheFollowerConfirmed() {
        FakeCluster c = leader(PAPER, 3, 0);
        for (int i = 0; i < 4; i++) {
            c.server(1).propose(new RequestId("c", i), cmd(i));
        }
        c.settle();
        long match = c.server(1).view().lastLogIndex(); // 6, acknowledged by s2
        c.clearOutbox();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(term(c), false, 2, 0, 10_000, false)));
        assertThat(appendsTo(c, 2)).singleElement()
                .satisfies(e -> assertThat(e.message().prevLogIndex()).isEqualTo(match));
    }

    @Test
    void when_aProbeIsLostAndALaterRequestIsAnswered_then_theProbeIsSentAgainAtOnce() {
        // Links are FIFO and servers answer in order: an answer to a later request means the
        // probe or its answer was lost (Replicator.onAppendResponse).
        FakeCluster c = behindFollower(5);
        AppendEntries lost = appendsTo(c, 3).get(0).message();
        c.deliver(new Envelope<>(id(3), id(1), new AppendEntriesResponse(term(c), true, 2, 0, lost.seq() + 1, true)));
        assertThat(appendsTo(c, 3)).singleElement().satisfies(e -> {
            assertThat(e.message().prevLogIndex()).isEqualTo(lost.prevLogIndex());
            assertThat(e.message().entries()).isEqualTo(lost.entries());
        });
    }

    @Test
    void when_nothingIsOutstanding_then_aHeartbeatAnswerSendsNothing() {
        FakeCluster c = leader(PAPER, 3, 0);
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(term(c), true, 2, 0, 500, true)));
        assertThat(c.take(1, AppendEntries.class)).isEmpty();
    }

    // ---- snapshots --------------------------------------------------------------------------------------

    private static FakeCluster snapshotPending(RaftConfig base) {
        RaftConfig cfg = base.withSnapshotThreshold(5).withTrailingLogs(0).withSnapshotInterval(Duration.ZERO);
        FakeCluster c = new FakeCluster(cfg, 3, 0);
        boolean hashicorp = cfg.timing() instanceof io.clustersim.raft.config.TimingProfile.Hashicorp;
        c.fire(1, hashicorp ? "raft/heartbeat-check" : ELECTION);
        c.settle();
        c.crash(3);
        for (int i = 0; i < 10; i++) {
            c.server(1).propose(new RequestId("c", i), cmd(i));
            c.settle();
        }
        assertThat(c.server(1).view().snapshotIndex()).isGreaterThanOrEqualTo(5);
        c.restart(3);
        c.clearOutbox();
        return c;
    }

    @Test
    void when_aSnapshotWasLostAndALaterHeartbeatIsAnswered_then_theSnapshotIsSentAgainAtOnce() {
        FakeCluster c = snapshotPending(RaftConfig.hashicorp());
        // Idle replication finds s3 behind the compacted log: a snapshot goes out, and is lost.
        c.fire(1, "raft/replicate/s3");
        c.deliverAll(appendsTo(c, 3));
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        assertThat(c.take(1, InstallSnapshot.class)).hasSize(1);
        // s3 answers the next bare heartbeat: the snapshot's answer can no longer come.
        c.fire(1, "raft/heartbeat/s3");
        c.deliverAll(appendsTo(c, 3));
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        assertThat(c.take(1, InstallSnapshot.class)).as("sent again without waiting for the retry time").hasSize(1);
    }

    @Test
    void when_aSnapshotGoesUnanswered_then_itIsSentAgainOnlyAfterTheRetryTime() {
        FakeCluster c = snapshotPending(PAPER.withSnapshotRetry(Duration.ofSeconds(1)));
        c.fire(1, "raft/heartbeat");
        c.deliverAll(appendsTo(c, 3));
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        assertThat(c.take(1, InstallSnapshot.class)).hasSize(1); // lost
        long sentAt = c.now();

        // Heartbeats every 50 ms: the 20th comes exactly one retry time after the snapshot.
        for (int beat = 1; beat < 20; beat++) {
            c.fire(1, "raft/heartbeat");
            assertThat(c.take(1, InstallSnapshot.class)).as("heartbeat %d", beat).isEmpty();
        }
        c.fire(1, "raft/heartbeat");
        assertThat(c.now() - sentAt).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(c.take(1, InstallSnapshot.class)).hasSize(1);
    }

    // ---- commitment ---------------------------------------------------------------------------------------

    @Test
    void when_aClusterHasOneServer_then_itElectsItselfAndCommitsOnceItsOwnWriteIsDurable() {
        FakeCluster c = new FakeCluster(PAPER, 1, 0);
        c.fire(1, ELECTION);
        c.sync(1);
        assertThat(c.server(1).isLeader()).isTrue();
        long index = c.server(1).propose(new RequestId("c", 1), cmd(1));
        assertThat(c.server(1).view().commitIndex()).isLessThan(index);
        c.sync(1);
        assertThat(c.server(1).view().commitIndex()).isEqualTo(index);
        assertThat(c.server(1).view().lastApplied()).isEqualTo(index);
    }

    @Test
    void when_aNewLeaderHasNotCommittedInItsTerm_then_itRefusesMembershipChanges() {
        // Ongaro's errata for single-server changes: a leader commits an entry of its own term first.
        FakeCluster c = leader(PAPER, 3, 0);
        c.server(1).propose(new RequestId("c", 1), cmd(1));
        c.settle();
        c.fire(1, "raft/heartbeat");
        c.settle(); // every follower knows commit index 3
        c.fire(2, ELECTION);
        c.sync(2);
        c.deliverAll(c.take(2, io.clustersim.raft.message.RequestVote.class));
        c.syncAll();
        c.deliverAll(c.take(0, io.clustersim.raft.message.RequestVoteResponse.class));
        assertThat(c.server(2).isLeader()).isTrue();
        assertThat(c.server(2).view().commitIndex()).isEqualTo(3);

        int s4 = c.addEmptyServer();
        assertThat(c.server(2).addVoter(id(s4))).isEqualTo(ChangeResult.BUSY);
        c.settle();
        assertThat(c.server(2).addVoter(id(s4))).isEqualTo(ChangeResult.ACCEPTED);
    }

    @Test
    void when_aServerIsRemoved_then_theLeaderStopsReplicatingToItAtOnce() {
        // Thesis section 4.1: the latest configuration governs as soon as it is in the log.
        FakeCluster c = leader(RaftConfig.hashicorp(), 3, 0);
        assertThat(c.hasTimer(1, "raft/heartbeat/s3")).isTrue();
        assertThat(c.server(1).removeServer(id(3))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(c.hasTimer(1, "raft/heartbeat/s3")).isFalse();
        assertThat(c.hasTimer(1, "raft/replicate/s3")).isFalse();
        c.sync(1);
        assertThat(c.take(1, AppendEntries.class)).noneMatch(e -> e.to().equals(id(3)));
    }

    // ---- lease and check-quorum -------------------------------------------------------------------------------

    @Test
    void when_onlyNonVotersAreInContact_then_theLeaseIsLostAndTheLeaderStepsDown() {
        // hashicorp checkLeaderLease counts voters only.
        FakeCluster c = leader(RaftConfig.hashicorp(), 3, 2);
        c.advance(Duration.ofMillis(600).toNanos());
        for (int nv = 4; nv <= 5; nv++) {
            c.deliver(new Envelope<>(id(nv), id(1), new AppendEntriesResponse(term(c), true, 2, 0, 800 + nv, true)));
        }
        c.fire(1, "raft/lease");
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.hasTimer(1, "raft/lease")).as("a follower keeps no lease timer").isFalse();
    }

    @Test
    void when_oneOfTwoFollowersAnswersEachElectionTimeout_then_anEtcdLeaderKeepsItsQuorum_andWithoutAnswersStepsDown() {
        // etcd tickHeartbeat with CheckQuorum: the leader counts itself and the followers heard
        // from during the last electionTick ticks; a majority (2 of 3) keeps it leading.
        FakeCluster c = new FakeCluster(RaftConfig.etcd(), 3, 0);
        for (int i = 0; i < 10 && !c.server(1).isLeader(); i++) {
            c.fire(1, "raft/tick");
            c.settle();
        }
        assertThat(c.server(1).isLeader()).isTrue();
        c.clearOutbox();
        for (int tick = 0; tick < 10; tick++) {
            c.fire(1, "raft/tick");
            c.deliverAll(appendsTo(c, 2));
            c.sync(2);
            c.deliverAll(c.take(2, AppendEntriesResponse.class));
            c.clearOutbox();
        }
        assertThat(c.server(1).isLeader()).isTrue();
        // The answer to the last heartbeat above counts for the next period; after that, silence.
        for (int tick = 0; tick < 20; tick++) {
            c.fire(1, "raft/tick");
            c.clearOutbox();
        }
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
    }

    // ---- leadership transfer ------------------------------------------------------------------------------

    @Test
    void when_noTargetIsNamed_then_theMostUpToDateVoterIsChosen_andTheFirstOnATie() {
        // hashicorp LeadershipTransfer picks the voter with the highest match index; never a non-voter.
        FakeCluster tie = leader(PAPER, 3, 1);
        assertThat(tie.server(1).transferLeadership(null)).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(tie.take(1, TimeoutNow.class)).extracting(Envelope::to).containsExactly(id(2));

        FakeCluster lag = leader(PAPER, 3, 1);
        lag.server(1).propose(new RequestId("c", 1), cmd(1));
        lag.sync(1);
        lag.deliverAll(lag.take(1, AppendEntries.class).stream().filter(e -> !e.to().equals(id(2))).toList());
        lag.settle();
        assertThat(lag.server(1).transferLeadership(null)).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(lag.take(1, TimeoutNow.class)).extracting(Envelope::to).containsExactly(id(3));
    }

    @Test
    void when_theTargetIsUnsuitableOrATransferRuns_then_theRequestIsRefused() {
        FakeCluster c = leader(PAPER, 3, 1);
        assertThat(c.server(2).transferLeadership(id(3))).isEqualTo(ChangeResult.NOT_LEADER);
        assertThat(c.server(1).transferLeadership(id(4))).as("a non-voter").isEqualTo(ChangeResult.INVALID);
        assertThat(c.server(1).transferLeadership(new NodeId(9, "s9"))).isEqualTo(ChangeResult.INVALID);
        assertThat(c.server(1).transferLeadership(id(3))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(c.server(1).transferLeadership(id(2))).isEqualTo(ChangeResult.BUSY);
    }

    @Test
    void when_theTargetLags_then_itIsCaughtUpFirstAndToldToCampaignOnlyOnceItHasEverything() {
        FakeCluster c = leader(PAPER, 3, 0);
        c.server(1).propose(new RequestId("c", 1), cmd(1));
        c.sync(1);
        c.deliverAll(c.take(1, AppendEntries.class).stream().filter(e -> e.to().equals(id(2))).toList());
        c.settle(); // s3 has missed entry 3
        c.clearOutbox();
        assertThat(c.server(1).transferLeadership(id(3))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(c.take(1, TimeoutNow.class)).isEmpty();
        List<Envelope<TimeoutNow>> timeoutNow = List.of();
        for (int round = 0; round < 5 && timeoutNow.isEmpty(); round++) {
            List<Envelope<AppendEntries>> catchUp = appendsTo(c, 3);
            assertThat(catchUp).as("round %d catches s3 up", round).isNotEmpty();
            c.deliverAll(catchUp);
            c.sync(3);
            c.deliverAll(c.take(3, AppendEntriesResponse.class));
            timeoutNow = c.take(1, TimeoutNow.class);
        }
        assertThat(timeoutNow).extracting(Envelope::to).containsExactly(id(3));
        assertThat(c.server(3).view().lastLogIndex()).isEqualTo(c.server(1).view().lastLogIndex());
    }

    @Test
    void when_etcdOrPaperLeadersTransfer_then_theTransferIsGivenTheirElectionTimeout() {
        // etcd: electionTick ticks (10 x 100 ms); the paper's timing: the longest election timeout.
        FakeCluster etcd = new FakeCluster(RaftConfig.etcd(), 3, 0);
        for (int i = 0; i < 10 && !etcd.server(1).isLeader(); i++) {
            etcd.fire(1, "raft/tick");
            etcd.settle();
        }
        etcd.server(1).transferLeadership(id(2));
        assertThat(etcd.timerDue(1, "raft/transfer") - etcd.now()).isEqualTo(Duration.ofSeconds(1).toNanos());

        FakeCluster paper = leader(PAPER, 3, 0);
        paper.server(1).transferLeadership(id(2));
        assertThat(paper.timerDue(1, "raft/transfer") - paper.now()).isEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void when_aTransferDoesNotFinishWithinAnElectionTimeout_then_itIsAbandonedAndWritesResume() {
        // hashicorp: the transfer is given ElectionTimeout.
        FakeCluster c = leader(RaftConfig.hashicorp(), 3, 0);
        c.server(1).transferLeadership(id(2));
        long electionTimeout = ((io.clustersim.raft.config.TimingProfile.Hashicorp) RaftConfig.hashicorp().timing())
                .electionTimeoutNanos();
        assertThat(c.timerDue(1, "raft/transfer") - c.now()).isEqualTo(electionTimeout);
        assertThat(c.server(1).propose(new RequestId("c", 1), cmd(1))).isEqualTo(-1);
        c.fire(1, "raft/transfer");
        assertThat(c.server(1).propose(new RequestId("c", 1), cmd(1))).isPositive();
    }
}
