package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.message.TimeoutNow;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What hashicorp/raft v1.7.3 adds to the paper (hashicorp/raft raft.go and replication.go): the follower's check loop,
 * pre-vote, leader stickiness, the leader lease, heartbeat timing, non-voters, leadership transfer.
 * Randomised timeouts take their minimum (randomTimeout(d) = d).
 */
class HashicorpBehaviourTest {
    static final RaftConfig HC = RaftConfig.hashicorp();
    static final long HT = Duration.ofSeconds(1).toNanos();
    static final String CHECK = "raft/heartbeat-check";

    static FakeCluster withLeader(int voters, int nonVoters) {
        FakeCluster c = new FakeCluster(HC, voters, nonVoters);
        c.fire(1, CHECK);
        c.settle();
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        return c;
    }

    @Test
    void when_followerChecksBeforeHeartbeatTimeoutSinceLastContact_then_itKeepsFollowing() {
        // hashicorp/raft raft.go runFollower: the timer only re-checks lastContact; detection takes [HT, 3HT).
        FakeCluster c = withLeader(3, 0);
        assertThat(c.server(2).view().leader()).isEqualTo(id(1));
        long contact = c.server(2).view().lastContactNanos();
        long due = c.timerDue(2, CHECK);
        assertThat(due - contact).isLessThan(HT);
        c.fire(2, CHECK);
        assertThat(c.server(2).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(2).view().leader()).isEqualTo(id(1));
        assertThat(c.timerDue(2, CHECK) - c.now()).isEqualTo(HT);
        c.clearOutbox();
        c.fire(2, CHECK); // now more than HT since the last contact
        assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.server(2).view().leader()).isNull();
    }

    @Test
    void when_candidateRunsPreVote_then_itsTermIsNeitherIncrementedNorPersisted() {
        // hashicorp/raft raft.go runCandidate, requestVote, requestPreVote: pre-vote asks at term + 1 without incrementing or persisting the term.
        FakeCluster c = new FakeCluster(HC, 3, 0);
        c.fire(1, CHECK);
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(1);
        assertThat(c.pendingWrites(1)).isZero();
        List<Envelope<RequestVote>> pre = c.take(1, RequestVote.class);
        assertThat(pre).hasSize(2).allSatisfy(e -> {
            assertThat(e.message().preVote()).isTrue();
            assertThat(e.message().term()).isEqualTo(2);
        });
        // Voters grant without changing their own state.
        c.deliverAll(pre);
        c.sync(2);
        c.sync(3);
        assertThat(c.server(2).view().currentTerm()).isEqualTo(1);
        assertThat(c.image(2).votedFor()).isNull();
        // A pre-vote majority starts the real election: term 2, persisted before asking.
        c.deliverAll(c.take(0, RequestVoteResponse.class));
        assertThat(c.server(1).view().currentTerm()).isEqualTo(2);
        c.sync(1);
        assertThat(c.take(1, RequestVote.class)).allSatisfy(e -> assertThat(e.message().preVote()).isFalse());
    }

    @Test
    void when_partitionedServerKeepsCampaigning_then_preVoteKeepsItsTermFromGrowing() {
        // hashicorp/raft raft.go runCandidate, requestVote, requestPreVote: "minority or partitioned nodes cannot inflate terms".
        FakeCluster c = withLeader(3, 0);
        long term = c.server(3).view().currentTerm();
        c.clearOutbox();
        for (int round = 0; round < 3; round++) {
            c.advance(3 * HT);
            c.fire(3, round == 0 ? CHECK : "raft/election");
            c.deliverAll(c.take(3, RequestVote.class));
            c.syncAll();
            c.deliverAll(c.take(0, RequestVoteResponse.class));
        }
        assertThat(c.server(3).view().currentTerm()).isEqualTo(term);
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void when_followerKnowsLeader_then_itRefusesVotesWithoutAdoptingTheTerm() {
        // hashicorp/raft raft.go requestVote: leader stickiness is checked before the term.
        FakeCluster c = withLeader(3, 0);
        c.clearOutbox();
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(9, id(3), 100, 9, false, false)));
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().granted()).isFalse());
        assertThat(c.server(2).view().currentTerm()).isEqualTo(2);
        // The leader itself refuses too, and stays leader.
        c.deliver(new Envelope<>(id(3), id(1), new RequestVote(9, id(3), 100, 9, false, false)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void when_voteIsForALeadershipTransfer_then_stickinessIsIgnored() {
        // hashicorp/raft raft.go runCandidate, requestVote, requestPreVote: the LeadershipTransfer flag exempts real votes (not pre-votes).
        FakeCluster c = withLeader(3, 0);
        c.clearOutbox();
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(3, id(3), 2, 2, true, true)));
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(3, id(3), 2, 2, false, true)));
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).extracting(e -> e.message().granted())
                .containsExactly(false, true);
        assertThat(c.server(2).view().currentTerm()).isEqualTo(3);
    }

    @Test
    void when_leaderLosesContactWithQuorumForLeaseTimeout_then_itStepsDown() {
        // hashicorp/raft raft.go checkLeaderLease, leaderLoop: checkLeaderLease counts voters in contact within LeaderLeaseTimeout.
        FakeCluster c = withLeader(3, 0);
        c.clearOutbox();
        long elected = c.now();
        assertThat(c.timerDue(1, "raft/lease") - elected).isEqualTo(Duration.ofMillis(500).toNanos());
        c.fire(1, "raft/lease"); // contact is exactly 500ms old: still within the lease
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        assertThat(c.timerDue(1, "raft/lease") - c.now()).isEqualTo(Duration.ofMillis(10).toNanos());
        c.fire(1, "raft/lease");
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().leader()).isNull();
    }

    @Test
    void when_leaderHeartbeats_then_eachFollowerGetsABareAppendEveryTenthOfHeartbeatTimeout() {
        // hashicorp/raft raft.go heartbeat, replication.go: one heartbeat per follower every [HT/10, HT/5), carrying only term and leader.
        FakeCluster c = withLeader(3, 0);
        c.clearOutbox();
        assertThat(c.timerDue(1, "raft/heartbeat/s2") - c.now()).isEqualTo(HT / 10);
        c.fire(1, "raft/heartbeat/s2");
        assertThat(c.take(1, AppendEntries.class)).singleElement().satisfies(e -> {
            assertThat(e.to()).isEqualTo(id(2));
            assertThat(e.message().heartbeat()).isTrue();
            assertThat(e.message().prevLogIndex()).isZero();
            assertThat(e.message().entries()).isEmpty();
            assertThat(e.message().leaderCommit()).isZero();
        });
        // Idle replication carries the commit index every randomTimeout(CommitTimeout).
        assertThat(c.timerDue(1, "raft/replicate/s2") - c.now()).isLessThanOrEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void when_nonVoterTimesOut_then_itNeverCampaigns() {
        // hashicorp/raft raft.go runFollower: non-voters never start elections; hashicorp/raft raft.go checkLeaderLease, leaderLoop: they are excluded from quorums.
        FakeCluster c = withLeader(3, 1);
        c.clearOutbox();
        c.advance(5 * HT);
        c.fire(4, CHECK);
        assertThat(c.server(4).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(4).view().isVoter()).isFalse();
        assertThat(c.take(4, RequestVote.class)).isEmpty();
        assertThat(c.hasTimer(4, CHECK)).isTrue();
    }

    @Test
    void when_nonVoterAsksForVotes_then_votersRefuse() {
        // hashicorp/raft raft.go runCandidate, requestVote, requestPreVote: only voters of the latest configuration can be elected.
        FakeCluster c = new FakeCluster(HC, 3, 1);
        c.deliver(new Envelope<>(id(4), id(2), new RequestVote(2, id(4), 1, 1, false, false)));
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().granted()).isFalse());
    }

    @Test
    void when_leaderTransfersLeadership_then_targetCampaignsWithoutPreVoteAndWins() {
        // hashicorp/raft raft.go leadershipTransfer: catch up the target, TimeoutNow, no pre-vote, LeadershipTransfer set.
        FakeCluster c = withLeader(3, 0);
        c.clearOutbox();
        assertThat(c.server(1).transferLeadership(id(2))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(c.take(1, TimeoutNow.class)).singleElement().satisfies(e -> c.deliver(e));
        assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        c.sync(2);
        List<Envelope<RequestVote>> rvs = c.take(2, RequestVote.class);
        assertThat(rvs).allSatisfy(e -> {
            assertThat(e.message().preVote()).isFalse();
            assertThat(e.message().leadershipTransfer()).isTrue();
        });
        c.deliverAll(rvs);
        c.settle();
        assertThat(c.server(2).view().role()).isEqualTo(Role.LEADER);
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    void when_configurationChangeIsUncommitted_then_anotherIsRefused() {
        // Thesis section 4.1: one server at a time, at most one uncommitted configuration.
        FakeCluster c = withLeader(3, 0);
        int s4 = c.addEmptyServer();
        assertThat(c.server(1).addVoter(id(s4))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(c.server(1).view().configuration().isVoter(id(s4))).isTrue(); // in force at once
        assertThat(c.server(1).addNonVoter(id(5))).isEqualTo(ChangeResult.BUSY);
        c.settle();
        assertThat(c.server(s4).view().configuration().isVoter(id(s4))).isTrue();
        assertThat(c.server(1).removeServer(id(s4))).isEqualTo(ChangeResult.ACCEPTED);
    }

    @Test
    void when_latestConfigurationAddsAVoter_then_commitNeedsTheNewMajorityAtOnce() {
        // Thesis section 4.1: the latest configuration governs quorum even before it commits.
        FakeCluster c = withLeader(3, 0);
        int s4 = c.addEmptyServer();
        c.clearOutbox();
        c.server(1).addVoter(id(s4));
        long index = c.server(1).view().lastLogIndex();
        c.sync(1);
        long term = c.server(1).view().currentTerm();
        c.clearOutbox();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(term, true, index, index, 100, false)));
        assertThat(c.server(1).view().commitIndex()).isLessThan(index); // 2 of 4 voters
        c.deliver(new Envelope<>(id(3), id(1), new AppendEntriesResponse(term, true, index, index, 101, false)));
        assertThat(c.server(1).view().commitIndex()).isEqualTo(index); // 3 of 4
    }

    @Test
    void when_leaderRemovesItself_then_itStepsDownOnceTheChangeCommits() {
        // hashicorp/raft raft.go checkLeaderLease, leaderLoop: own removal committing makes the leader a follower (Nomad: ShutdownOnRemove=false).
        FakeCluster c = withLeader(3, 0);
        assertThat(c.server(1).removeServer(id(1))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        c.settle();
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().isVoter()).isFalse();
    }
}
