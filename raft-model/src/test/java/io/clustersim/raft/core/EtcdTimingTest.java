package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import org.junit.jupiter.api.Test;

/** etcd raft's tick-based timing with etcd server's defaults (PreVote and CheckQuorum on). */
class EtcdTimingTest {
    static final RaftConfig ETCD = RaftConfig.etcd();

    static void ticks(FakeCluster c, int server, int n) {
        for (int i = 0; i < n; i++) {
            c.fire(server, "raft/tick");
        }
    }

    @Test
    void when_followerHearsNothingForRandomizedElectionTicks_then_itStartsAPreVote() {
        // etcd tickElection: campaign once electionElapsed reaches the randomised timeout
        // (electionTick + rand[0, electionTick)); with the lowest draw that is 10 ticks.
        FakeCluster c = new FakeCluster(ETCD, 3, 0);
        ticks(c, 1, 9);
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        ticks(c, 1, 1);
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.take(1, RequestVote.class)).allSatisfy(e -> assertThat(e.message().preVote()).isTrue());
    }

    @Test
    void when_leaderHearsFromNoQuorumForElectionTicks_then_checkQuorumStepsItDown() {
        FakeCluster c = new FakeCluster(ETCD, 3, 0);
        ticks(c, 1, 10);
        c.settle();
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        c.clearOutbox();
        // The followers answered during the first check period; in the second nobody does.
        ticks(c, 1, 10);
        assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
        c.clearOutbox();
        ticks(c, 1, 10);
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    void when_followerHeardFromLeaderWithinElectionTicks_then_itIgnoresVotesUnanswered() {
        // etcd Step, m.Term > r.Term: with CheckQuorum, a vote request inside the lease is
        // ignored: no answer, and the term is not adopted.
        FakeCluster c = new FakeCluster(ETCD, 3, 0);
        ticks(c, 1, 10);
        c.settle();
        c.clearOutbox();
        c.deliver(new Envelope<>(id(3), id(2), new RequestVote(5, id(3), 9, 9, false, false)));
        c.sync(2);
        assertThat(c.take(2, RequestVoteResponse.class)).isEmpty();
        assertThat(c.server(2).view().currentTerm()).isEqualTo(2);
    }

    @Test
    void when_profileIsEtcd_then_defaultsFollowEtcdServer() {
        TimingProfile.Etcd e = TimingProfile.Etcd.defaults();
        assertThat(e.tickNanos()).isEqualTo(100_000_000L);
        assertThat(e.heartbeatTick()).isEqualTo(1);
        assertThat(e.electionTick()).isEqualTo(10);
        assertThat(e.preVote()).isTrue();
        assertThat(e.checkQuorum()).isTrue();
    }
}
