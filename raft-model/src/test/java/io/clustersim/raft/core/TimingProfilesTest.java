package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import io.clustersim.raft.testing.RecordingObserver;
import io.clustersim.raft.testing.ScriptedRandom;
import java.time.Duration;
import java.util.List;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each timing profile's own rules beyond {@link ElectionTimerRulesTest}: hashicorp/raft's check
 * loop and timers (raft.go runFollower, runCandidate, runLeader; util.go randomTimeout), etcd
 * raft's ticks, lease and canVote (raft.go tickElection, tickHeartbeat, Step), and the paper's
 * timer with the thesis's CheckQuorum and lease (sections 6.2 and 4.2.3).
 */
class TimingProfilesTest {
    static final long MS = 1_000_000L;

    private final RecordingObserver observer = new RecordingObserver();

    private static RequestVote vote(long term, int candidate, long lastIndex, long lastTerm, boolean pre, boolean transfer) {
        return new RequestVote(term, id(candidate), lastIndex, lastTerm, pre, transfer);
    }

    private static long count(FakeCluster c, int i, String timer) {
        return c.pendingTimers(i).stream().filter(t -> t.startsWith(timer + "@")).count();
    }

    @Nested
    class Hashicorp {
        static final String CHECK = "raft/heartbeat-check";
        final RaftConfig hc = RaftConfig.hashicorp();
        final long ht = ((TimingProfile.Hashicorp) hc.timing()).heartbeatTimeoutNanos();

        @Test
        void when_timeoutsAreDrawn_then_theyLieInHashicorpsRandomTimeoutRange() {
            // util.go randomTimeout(d): uniform in [d, 2d).
            FakeCluster c = new FakeCluster(hc, 5, 0, RaftObserver.NONE, () -> new XoRoShiRo128PlusPlus(7, 8));
            for (int i = 1; i <= 5; i++) {
                assertThat(c.timerDue(i, CHECK)).isBetween(ht, 2 * ht - 1);
            }
            assertThat(c.timerDue(1, CHECK)).as("a real draw, not the minimum").isGreaterThan(ht);
        }

        @Test
        void when_thePreVoteIsWon_then_theElectionRestartsTheSingleElectionTimer() {
            FakeCluster c = new FakeCluster(hc, 3, 0, observer);
            c.fire(1, CHECK);
            assertThat(observer.of(id(1), "electionTimerFired")).containsExactly("s1 electionTimerFired t1 FOLLOWER");
            assertThat(count(c, 1, "raft/election")).isEqualTo(1);
            c.advance(100 * MS);
            c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(1, true, true, 2)));
            assertThat(c.server(1).view().currentTerm()).isEqualTo(2);
            assertThat(count(c, 1, "raft/election")).isEqualTo(1);
            assertThat(c.timerDue(1, "raft/election")).isEqualTo(c.now() + ((TimingProfile.Hashicorp) hc.timing())
                    .electionTimeoutNanos());

            c.fire(1, "raft/election");
            assertThat(observer.of(id(1), "electionTimerFired")).endsWith("s1 electionTimerFired t2 CANDIDATE");
        }

        @Test
        void when_aFollowerOnlyAdoptsANewerTerm_then_itKeepsItsCheckDeadline() {
            // runFollower keeps its heartbeat timer when setCurrentTerm happens inside its loop.
            FakeCluster c = new FakeCluster(hc, 3, 0);
            long due = c.timerDue(2, CHECK);
            c.advance(200 * MS);
            c.deliver(new Envelope<>(id(3), id(2), vote(5, 3, 0, 0, false, false)));
            assertThat(c.server(2).view().currentTerm()).isEqualTo(5);
            assertThat(c.timerDue(2, CHECK)).isEqualTo(due);
            assertThat(count(c, 2, CHECK)).isEqualTo(1);
        }

        @Test
        void when_elected_then_theLeaderKeepsNoFollowerOrCandidateTimer_andReArmsEachHeartbeat() {
            FakeCluster c = new FakeCluster(hc, 3, 0);
            c.fire(1, CHECK);
            c.settle();
            assertThat(c.server(1).isLeader()).isTrue();
            assertThat(c.hasTimer(1, CHECK)).isFalse();
            assertThat(c.hasTimer(1, "raft/election")).isFalse();
            c.fire(1, "raft/heartbeat/s2");
            assertThat(c.hasTimer(1, "raft/heartbeat/s2")).isTrue();
            assertThat(c.timerDue(1, "raft/heartbeat/s2") - c.now()).isEqualTo(ht / 10);
        }
    }

    @Nested
    class Etcd {
        static final String TICK = "raft/tick";
        final RaftConfig etcd = RaftConfig.etcd();

        FakeCluster withLeader(RaftConfig config) {
            FakeCluster c = new FakeCluster(config, 3, 0, observer);
            for (int i = 0; i < 10 && !c.server(1).isLeader(); i++) {
                c.fire(1, TICK);
                c.settle();
            }
            assertThat(c.server(1).isLeader()).isTrue();
            c.clearOutbox();
            return c;
        }

        @Test
        void when_heartbeatTickIsTwo_then_theLeaderSendsAppendsEverySecondTick() {
            // tickHeartbeat: MsgBeat once heartbeatElapsed reaches heartbeatTick.
            FakeCluster c = withLeader(etcd.withTiming(((TimingProfile.Etcd) etcd.timing()).withTicks(2, 10)));
            c.fire(1, TICK);
            assertThat(c.take(1, AppendEntries.class)).isEmpty();
            c.fire(1, TICK);
            assertThat(c.take(1, AppendEntries.class)).hasSize(2);
            c.fire(1, TICK);
            assertThat(c.take(1, AppendEntries.class)).isEmpty();
        }

        @Test
        void when_aTransferDoesNotFinishWithinElectionTicks_then_theLeaderAbandonsIt() {
            // tickHeartbeat: "abort leader transfer" after an election timeout.
            FakeCluster c = withLeader(etcd);
            c.server(1).transferLeadership(id(2));
            assertThat(c.server(1).propose(new RequestId("c", 1), new Command("x", "1", 10))).isEqualTo(-1);
            for (int tick = 0; tick < 10; tick++) {
                c.fire(1, TICK);
                c.deliverAll(c.take(1, AppendEntries.class));
                c.syncAll();
                c.deliverAll(c.take(0, AppendEntriesResponse.class));
                c.clearOutbox();
            }
            assertThat(c.server(1).isLeader()).isTrue();
            assertThat(c.server(1).propose(new RequestId("c", 1), new Command("x", "1", 10))).isPositive();
        }

        @Test
        void when_aCandidateTakesTicksToWin_then_itsLeadershipStartsItsCountsAfresh() {
            // becomeLeader calls reset: CheckQuorum counts electionTick ticks from the election.
            FakeCluster c = new FakeCluster(etcd, 3, 0);
            for (int i = 0; i < 10; i++) {
                c.fire(1, TICK);
            }
            List<Envelope<RequestVote>> pre = c.take(1, RequestVote.class);
            assertThat(pre).hasSize(2);
            for (int i = 0; i < 3; i++) {
                c.fire(1, TICK);
            }
            c.deliverAll(pre);
            c.syncAll();
            c.deliverAll(c.take(0, RequestVoteResponse.class));
            c.sync(1);
            List<Envelope<RequestVote>> real = c.take(1, RequestVote.class);
            for (int i = 0; i < 3; i++) {
                c.fire(1, TICK);
            }
            c.deliverAll(real);
            c.syncAll();
            c.deliverAll(c.take(0, RequestVoteResponse.class));
            assertThat(c.server(1).isLeader()).isTrue();
            c.clearOutbox();
            for (int i = 0; i < 9; i++) {
                c.fire(1, TICK);
                c.clearOutbox();
            }
            assertThat(c.server(1).isLeader()).isTrue();
            c.fire(1, TICK);
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        }

        @Test
        void when_aPreCandidateGetsNoAnswer_then_itKeepsItsRandomisedTimeoutForTheNextRound() {
            // becomePreCandidate does not reset; the first draw gives 15 ticks, a new draw 10.
            FakeCluster c = new FakeCluster(etcd, 3, 0, observer, () -> ScriptedRandom.draws(5, 0, 0, 0));
            int ticks = 0;
            while (observer.of(id(1), "electionTimerFired").size() < 2) {
                c.fire(1, TICK);
                ticks++;
            }
            assertThat(ticks).isEqualTo(30);
        }

        @Test
        void when_aCandidateGetsNoAnswer_then_itsNextRoundUsesAFreshTimeout() {
            // becomeCandidate calls reset, which draws a new randomised timeout (10 ticks here).
            RaftConfig noPreVote = etcd.withPreVote(false);
            FakeCluster c = new FakeCluster(noPreVote, 3, 0, observer, () -> ScriptedRandom.draws(5, 0, 0, 0));
            int ticks = 0;
            while (observer.of(id(1), "electionTimerFired").size() < 2) {
                c.fire(1, TICK);
                c.syncAll();
                ticks++;
            }
            assertThat(ticks).isEqualTo(25);
            assertThat(observer.of(id(1), "electionTimerFired")).containsExactly("s1 electionTimerFired t1 FOLLOWER",
                    "s1 electionTimerFired t2 CANDIDATE");
            assertThat(c.server(1).view().currentTerm()).isEqualTo(3);
        }

        @Test
        void when_aTimeoutNowOfTheCurrentTermArrives_then_theCandidacyKeepsTheFirstFreshTimeout() {
            // adoptTerm changes nothing for a term already current (paper, section 5.1), so the
            // transfer target goes straight to candidate: one reset, one new draw (15 ticks here).
            FakeCluster c = new FakeCluster(etcd, 3, 0, observer, () -> ScriptedRandom.draws(0, 5, 0));
            observer.clear();
            c.deliver(new Envelope<>(id(1), id(2), new io.clustersim.raft.message.TimeoutNow(1)));
            assertThat(c.server(2).view().role()).isEqualTo(Role.CANDIDATE);
            int ticks = 0;
            while (observer.of(id(2), "electionTimerFired").isEmpty()) {
                c.fire(2, TICK);
                ticks++;
            }
            assertThat(ticks).isEqualTo(15);
        }

        @Test
        void when_aVoteIsAskedInTheVotersTermWhileItKnowsALeader_then_onlyItsOwnCandidateGetsIt() {
            // Step canVote: the candidate it already voted for, or neither a vote nor a leader.
            FakeCluster c = withLeader(etcd);
            observer.clear();
            c.deliver(new Envelope<>(id(3), id(2), vote(2, 3, 9, 9, false, false)));
            c.deliver(new Envelope<>(id(1), id(2), vote(2, 1, 9, 9, false, false)));
            c.sync(2);
            assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t2 refused LEADER_KNOWN",
                    "s2 voteDecided s1 t2 granted GRANTED");
            assertThat(c.take(2, RequestVoteResponse.class)).hasSize(2);
        }

        @Test
        void when_inTheLeaseANewerTermVoteArrives_then_onlyATransfersRealVoteIsAnswered() {
            // Step: MsgVote/MsgPreVote of a higher term inside the lease is ignored unless it is
            // a leadership transfer's (a real vote, not a pre-vote).
            FakeCluster c = withLeader(etcd);
            observer.clear();
            c.deliver(new Envelope<>(id(3), id(2), vote(5, 3, 9, 9, false, false)));
            c.deliver(new Envelope<>(id(3), id(2), vote(5, 3, 9, 9, true, true)));
            c.deliver(new Envelope<>(id(3), id(2), vote(5, 3, 9, 9, false, true)));
            c.sync(2);
            assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t5 refused null",
                    "s2 voteDecided s3 t5 pre refused null", "s2 voteDecided s3 t5 granted GRANTED");
        }

        @Test
        void when_checkQuorumIsOff_then_aNewerTermVoteIsAnsweredDespiteAKnownLeader() {
            FakeCluster c = withLeader(etcd.withTiming(((TimingProfile.Etcd) etcd.timing()).withCheckQuorum(false)));
            observer.clear();
            c.deliver(new Envelope<>(id(3), id(2), vote(5, 3, 9, 9, false, false)));
            c.sync(2);
            assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t5 granted GRANTED");
        }

        @Test
        void when_electionTickTicksPassWithoutTheLeader_then_theLeaseIsOver() {
            // inLease: electionElapsed < electionTick. Timeouts take their maximum (19 ticks), so
            // the follower is still waiting, not campaigning, when the lease ends.
            FakeCluster c = new FakeCluster(etcd, 3, 0, observer, ScriptedRandom::max);
            c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(), 0, 1, false)));
            for (int i = 0; i < 9; i++) {
                c.fire(2, TICK);
            }
            c.deliver(new Envelope<>(id(3), id(2), vote(5, 3, 9, 9, false, false)));
            c.fire(2, TICK);
            c.deliver(new Envelope<>(id(3), id(2), vote(6, 3, 9, 9, false, false)));
            assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t5 refused null",
                    "s2 voteDecided s3 t6 granted GRANTED");
        }
    }

    @Nested
    class Custom {
        static final String ELECTION = "raft/election";
        final RaftConfig quorum = RaftConfig.paper().withTiming(TimingProfile.Custom.paper().withCheckQuorum(true));

        @Test
        void when_theTimeoutRangeIsASinglePoint_then_everyTimerTakesExactlyIt() {
            RaftConfig fixed = RaftConfig.custom(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(50));
            FakeCluster c = new FakeCluster(fixed, 3, 0, RaftObserver.NONE, () -> new XoRoShiRo128PlusPlus(3, 4));
            assertThat(c.timerDue(1, ELECTION)).isEqualTo(200 * MS);
        }

        @Test
        void when_aNonVotersTimerFires_then_itKeepsWaitingWithAFreshTimer() {
            FakeCluster c = new FakeCluster(RaftConfig.paper(), 3, 1);
            c.fire(4, ELECTION);
            assertThat(c.server(4).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.hasTimer(4, ELECTION)).isTrue();
        }

        @Test
        void when_aQuorumCheckFinds_then_theLeaderStaysAndEndsATransfer_andWithoutAnswersStepsDown() {
            // Thesis section 6.2 CheckQuorum, every minimum election timeout.
            FakeCluster c = new FakeCluster(quorum, 3, 0);
            c.fire(1, ELECTION);
            c.settle(); // both followers answered
            assertThat(c.timerDue(1, "raft/check-quorum") - c.now()).isEqualTo(150 * MS);
            c.server(1).transferLeadership(id(2));
            c.clearOutbox();
            c.fire(1, "raft/check-quorum");
            assertThat(c.server(1).isLeader()).isTrue();
            assertThat(c.server(1).propose(new RequestId("c", 1), new Command("x", "1", 10))).isPositive();
            assertThat(c.hasTimer(1, "raft/check-quorum")).isTrue();

            c.fire(1, "raft/check-quorum");
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.hasTimer(1, "raft/check-quorum")).isFalse();
            assertThat(c.hasTimer(1, "raft/heartbeat")).isFalse();
            assertThat(c.hasTimer(1, ELECTION)).isTrue();
        }

        @Test
        void when_aCheckQuorumLeaderHearsANewerTerm_then_itsQuorumCheckStopsWithIt() {
            FakeCluster c = new FakeCluster(quorum, 3, 0);
            c.fire(1, ELECTION);
            c.settle();
            assertThat(c.hasTimer(1, "raft/check-quorum")).isTrue();
            c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(9, false, 0, 0, 1, false)));
            assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
            assertThat(c.hasTimer(1, "raft/check-quorum")).isFalse();
            assertThat(c.hasTimer(1, "raft/heartbeat")).isFalse();
        }

        @Test
        void when_aFollowerHeardTheLeaderWithinTheMinimumTimeout_then_itRefusesVotesInLease() {
            // Thesis section 4.2.3; a leadership transfer's real vote is exempt. The leader is
            // heard at 100 ms, so the lease runs to 250 ms.
            FakeCluster c = new FakeCluster(quorum, 3, 0, observer);
            c.advance(100 * MS);
            c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(), 0, 1, false)));
            observer.clear();
            c.advance(100 * MS);
            c.deliver(new Envelope<>(id(3), id(2), vote(3, 3, 9, 9, false, false)));
            c.deliver(new Envelope<>(id(3), id(2), vote(3, 3, 9, 9, true, true)));
            assertThat(c.server(2).view().currentTerm()).as("no term adopted in the lease").isEqualTo(2);
            c.advance(50 * MS);
            c.deliver(new Envelope<>(id(3), id(2), vote(3, 3, 9, 9, false, false)));
            assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t3 refused IN_LEASE",
                    "s2 voteDecided s3 t3 pre refused IN_LEASE", "s2 voteDecided s3 t3 granted GRANTED");

            FakeCluster d = new FakeCluster(quorum, 3, 0, observer);
            d.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, List.of(), 0, 1, false)));
            observer.clear();
            d.deliver(new Envelope<>(id(3), id(2), vote(3, 3, 9, 9, false, true)));
            assertThat(observer.of(id(2), "voteDecided")).containsExactly("s2 voteDecided s3 t3 granted GRANTED");
        }
    }
}
