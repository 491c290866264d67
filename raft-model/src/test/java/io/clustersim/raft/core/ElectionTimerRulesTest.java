package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * When each timing profile re-arms its election timer, following its own reference
 * implementation: the paper with LogCabin ({@code custom}), hashicorp/raft v1.7.3
 * ({@code hashicorp}) and etcd raft ({@code etcd}). This rule decides how fast a cluster with a
 * lagging candidate elects a leader (the Raft paper's Figure 16). Randomised timeouts take their
 * minimum.
 */
class ElectionTimerRulesTest {
    static final long MS = 1_000_000L;

    /** A stale candidate: its log (empty, term 0) is behind every bootstrapped server's. */
    static RequestVote staleVote(long term, int candidate) {
        return new RequestVote(term, id(candidate), 0, 0, false, false);
    }

    @Nested
    class Custom {
        static final String ELECTION = "raft/election";
        final RaftConfig paper = RaftConfig.paper();

        FakeCluster withLeader() {
            FakeCluster c = new FakeCluster(paper, 3, 0);
            c.fire(1, ELECTION);
            c.settle();
            assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
            return c;
        }

        @Test
        void when_followerAdoptsHigherTermFromVoteItRejects_then_itsElectionTimerKeepsItsDeadline() {
            // Paper, Figure 2 "Followers": only AppendEntries from the current leader and granting
            // a vote reset the timer. LogCabin RaftConsensus::handleRequestVote calls stepDown,
            // which re-arms the timer only for a leader.
            FakeCluster c = withLeader();
            long due = c.timerDue(2, ELECTION);
            c.advance(40 * MS);
            c.deliver(new Envelope<>(id(3), id(2), staleVote(9, 3)));
            c.sync(2);
            assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                    .satisfies(e -> assertThat(e.message().granted()).isFalse());
            assertThat(c.server(2).view().currentTerm()).isEqualTo(9);
            assertThat(c.timerDue(2, ELECTION)).isEqualTo(due);
        }

        @Test
        void when_candidateStepsDownOnHigherTerm_then_itKeepsTheTimerItSetAsCandidate() {
            // LogCabin stepDown: a candidate's election timer is running, so it is left alone.
            FakeCluster c = new FakeCluster(paper, 3, 0);
            c.fire(1, ELECTION);
            long due = c.timerDue(1, ELECTION);
            c.advance(30 * MS);
            c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(7, false, false, 2)));
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.timerDue(1, ELECTION)).isEqualTo(due);
        }

        @Test
        void when_leaderStepsDown_then_itArmsAFreshElectionTimer() {
            // LogCabin stepDown: a leader has no election timer, so it gets one.
            FakeCluster c = withLeader();
            assertThat(c.hasTimer(1, ELECTION)).isFalse();
            c.advance(20 * MS);
            c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(7, false, false, 7)));
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.timerDue(1, ELECTION)).isEqualTo(c.now() + 150 * MS);
        }

        @Test
        void when_appendEntriesFromLeaderFailsTheLogCheck_then_theTimerIsStillReset() {
            // Figure 2: any AppendEntries from the current leader is contact, matching log or not.
            FakeCluster c = withLeader();
            c.advance(60 * MS);
            c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 50, 2, List.of(), 0, 99, false)));
            assertThat(c.timerDue(2, ELECTION)).isEqualTo(c.now() + 150 * MS);
        }

        @Test
        void when_followerGrantsAVote_then_itsTimerIsReset() {
            FakeCluster c = new FakeCluster(paper, 3, 0);
            c.advance(70 * MS);
            c.deliver(new Envelope<>(id(3), id(2), new RequestVote(2, id(3), 1, 1, false, false)));
            assertThat(c.timerDue(2, ELECTION)).isEqualTo(c.now() + 150 * MS);
        }
    }

    @Nested
    class Hashicorp {
        static final String CHECK = "raft/heartbeat-check";
        static final long HT = 1000 * MS;
        final RaftConfig hc = RaftConfig.hashicorp();

        @Test
        void when_followerAdoptsHigherTermFromVoteItRejects_then_checkTimerAndLastContactStay() {
            // raft.go requestVote: setCurrentTerm on a newer term; runFollower keeps looping with the
            // heartbeat timer it made; only a granted vote calls setLastContact.
            FakeCluster c = new FakeCluster(hc, 3, 0);
            long due = c.timerDue(2, CHECK);
            long contact = c.server(2).view().lastContactNanos();
            c.advance(300 * MS);
            c.deliver(new Envelope<>(id(3), id(2), staleVote(9, 3)));
            c.sync(2);
            assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                    .satisfies(e -> assertThat(e.message().granted()).isFalse());
            assertThat(c.server(2).view().currentTerm()).isEqualTo(9);
            assertThat(c.timerDue(2, CHECK)).isEqualTo(due);
            assertThat(c.server(2).view().lastContactNanos()).isEqualTo(contact);
        }

        @Test
        void when_candidateStepsDown_then_runFollowerStartsAFreshCheckTimer() {
            // raft.go: a candidate that sees a newer term returns to runFollower, which creates
            // heartbeatTimer = randomTimeout(HeartbeatTimeout) on entry.
            FakeCluster c = new FakeCluster(hc, 3, 0);
            c.fire(1, CHECK);
            assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
            c.advance(200 * MS);
            c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(7, false, true, 2)));
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.timerDue(1, CHECK)).isEqualTo(c.now() + HT);
        }

        @Test
        void when_followerKnowsALeader_then_itRefusesAHigherTermVoteWithoutAdoptingIt() {
            // raft.go requestVote: leader stickiness runs before the term check.
            FakeCluster c = new FakeCluster(hc, 3, 0);
            c.fire(1, CHECK);
            c.settle();
            c.deliver(new Envelope<>(id(3), id(2), new RequestVote(9, id(3), 9, 9, false, false)));
            c.sync(2);
            assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                    .satisfies(e -> assertThat(e.message().granted()).isFalse());
            assertThat(c.server(2).view().currentTerm()).isEqualTo(2);
        }
    }

    @Nested
    class Etcd {
        static final String TICK = "raft/tick";
        /** Without CheckQuorum there is no lease, so a higher-term vote request is acted on. */
        final RaftConfig noLease = RaftConfig.of(TimingProfile.Etcd.defaults().withCheckQuorum(false));

        void ticks(FakeCluster c, int server, int n) {
            for (int i = 0; i < n; i++) {
                c.fire(server, TICK);
            }
        }

        @Test
        void when_followerAdoptsHigherTermFromVoteItRejects_then_becomeFollowerResetsItsTimer() {
            // raft.go Step: m.Term > r.Term on MsgVote -> becomeFollower(m.Term, None) -> reset(),
            // so electionElapsed starts again from 0 (unlike the paper and hashicorp).
            FakeCluster c = new FakeCluster(noLease, 3, 0);
            ticks(c, 2, 6);
            c.deliver(new Envelope<>(id(3), id(2), staleVote(9, 3)));
            assertThat(c.server(2).view().currentTerm()).isEqualTo(9);
            ticks(c, 2, 9);
            assertThat(c.server(2).view().role()).isEqualTo(Role.FOLLOWER);
            ticks(c, 2, 1);
            assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        }

        @Test
        void when_followerGrantsAPreVote_then_itsTimerRunsOn() {
            // raft.go Step: only a granted MsgVote sets electionElapsed = 0; a MsgPreVote changes nothing.
            FakeCluster c = new FakeCluster(noLease, 3, 0);
            ticks(c, 2, 6);
            c.deliver(new Envelope<>(id(3), id(2), new RequestVote(2, id(3), 1, 1, true, false)));
            c.sync(2);
            assertThat(c.take(2, RequestVoteResponse.class)).singleElement()
                    .satisfies(e -> assertThat(e.message().granted()).isTrue());
            assertThat(c.server(2).view().currentTerm()).isEqualTo(1);
            ticks(c, 2, 4);
            assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
        }

        @Test
        void when_realVoteCarriesALowerTerm_then_itIsIgnoredButALowerPreVoteIsRefused() {
            // raft.go Step, m.Term < r.Term: a MsgPreVote gets a rejection carrying r.Term (so the
            // pre-candidate learns it is behind); other messages are ignored.
            FakeCluster c = new FakeCluster(noLease, 3, 0);
            c.deliver(new Envelope<>(id(3), id(2), staleVote(9, 3)));
            c.sync(2);
            c.clearOutbox();
            c.deliver(new Envelope<>(id(1), id(2), new RequestVote(4, id(1), 1, 1, false, false)));
            c.sync(2);
            assertThat(c.take(2, RequestVoteResponse.class)).isEmpty();
            c.deliver(new Envelope<>(id(1), id(2), new RequestVote(4, id(1), 1, 1, true, false)));
            c.sync(2);
            assertThat(c.take(2, RequestVoteResponse.class)).singleElement().satisfies(e -> {
                assertThat(e.message().granted()).isFalse();
                assertThat(e.message().term()).isEqualTo(9);
            });
        }

        @Test
        void when_aRoundCanNoLongerBeWon_then_theCandidateBecomesFollowerAtOnce() {
            // raft.go stepCandidate: poll() returns VoteLost -> becomeFollower(r.Term, None).
            FakeCluster c = new FakeCluster(RaftConfig.etcd(), 3, 0);
            ticks(c, 1, 10);
            assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
            c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(1, false, true, 2)));
            assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
            c.deliver(new Envelope<>(id(3), id(1), new RequestVoteResponse(1, false, true, 2)));
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.server(1).view().currentTerm()).isEqualTo(1);
        }

        @Test
        void when_followerKnowsALeaderOfItsTerm_then_itRefusesAnotherCandidateOfThatTerm() {
            // raft.go Step canVote: r.Vote == m.From || (r.Vote == None && r.lead == None).
            FakeCluster c = new FakeCluster(noLease, 3, 0);
            ticks(c, 1, 10);
            c.settle();
            assertThat(c.server(1).view().role()).isEqualTo(Role.LEADER);
            long term = c.server(3).view().currentTerm();
            c.deliver(new Envelope<>(id(2), id(3), new RequestVote(term, id(2), 9, 9, false, false)));
            c.sync(3);
            assertThat(c.take(3, RequestVoteResponse.class)).singleElement()
                    .satisfies(e -> assertThat(e.message().granted()).isFalse());
        }

        @Test
        void when_serversStartTogether_then_eachTicksInItsOwnPhase() {
            // Real processes never start at the same instant: the first tick comes at a random
            // point within one tick, drawn from each server's own stream.
            long tick = Duration.ofMillis(100).toNanos();
            long[] firstTicks = EtcdPhases.firstTickTimes(5, 42);
            for (long t : firstTicks) {
                assertThat(t).isBetween(0L, tick - 1);
            }
            assertThat(java.util.Arrays.stream(firstTicks).distinct().count()).isEqualTo(5);
        }
    }
}
