package io.clustersim.gossip.serf;

import static io.clustersim.gossip.serf.SerfFixture.S;
import static io.clustersim.gossip.serf.SerfFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.JoinIntent;
import io.clustersim.gossip.message.LeaveIntent;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.SerfPushPull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Serf's Lamport-timed intents and what they make of memberlist's "alive" and "gone" (serf
 * {@code serf.go} {@code handleNodeLeaveIntent}, {@code handleNodeJoinIntent},
 * {@code handleNodeJoin}, {@code handleNodeLeave}, {@code reap}; {@code delegate.go}
 * {@code MergeRemoteState}; {@code lamport.go}).
 */
class SerfIntentsTest {
    private final SerfFixture f = new SerfFixture();

    private static Alive alive(String node, long inc) {
        return new Alive(node, id(node), inc, new TreeMap<>());
    }

    @Test
    void when_aLeaveIntentPrecedesTheDeparture_then_theMemberEndsLeft_andWithoutOneFailed() {
        f.hear(new LeaveIntent("b", 5));
        assertThat(f.status("b")).isEqualTo(MemberStatus.LEAVING);
        assertThat(f.piggyback()).as("news is passed on").contains(new LeaveIntent("b", 5));
        f.hear(new Dead("b", 1, "b"), new Dead("c", 1, "d"));

        assertThat(f.status("b")).isEqualTo(MemberStatus.LEFT);
        assertThat(f.status("c")).isEqualTo(MemberStatus.FAILED);
        assertThat(f.eventsAbout("b")).containsExactly("MEMBER_LEAVE");
        assertThat(f.eventsAbout("c")).containsExactly("MEMBER_FAILED");
    }

    @Test
    void when_intentsAreNotNewerThanTheLastOne_then_theyAreIgnoredAndNotPassedOn() {
        // handleNode*Intent: "if leaveMsg.LTime <= member.statusLTime { return false }".
        f.hear(new JoinIntent("b", 5));
        f.hear(new JoinIntent("b", 5), new LeaveIntent("b", 5), new LeaveIntent("b", 4));
        assertThat(f.status("b")).isEqualTo(MemberStatus.ALIVE);
        List<io.clustersim.gossip.message.Update> passedOn = f.piggyback();
        assertThat(passedOn.stream().filter(u -> u.equals(new JoinIntent("b", 5)))).as("passed on once").hasSize(1);
        assertThat(passedOn).doesNotContain(new LeaveIntent("b", 5), new LeaveIntent("b", 4));

        f.hear(new LeaveIntent("b", 6));
        assertThat(f.status("b")).isEqualTo(MemberStatus.LEAVING);
        f.hear(new JoinIntent("b", 6));
        assertThat(f.status("b")).as("a join as old as the leave does not undo it").isEqualTo(MemberStatus.LEAVING);
        f.hear(new JoinIntent("b", 7));
        assertThat(f.status("b")).as("the leave was older than this join").isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void when_anOldLeaveOfOursGoesAround_then_weRefuteItWithAFreshJoin() {
        // handleNodeLeaveIntent: "Refute us leaving if we are in the alive state".
        f.hear(new LeaveIntent("a", 10));
        assertThat(f.status("a")).isEqualTo(MemberStatus.ALIVE);
        assertThat(f.a.state()).isEqualTo(SerfState.ALIVE);
        assertThat(f.piggyback()).contains(new JoinIntent("a", 11)).doesNotContain(new LeaveIntent("a", 10));
    }

    @Test
    void when_intentsArriveBeforeTheMemberIsKnown_then_theNewestOneAppliesWhenItJoins() {
        // serf keeps one recent intent per unknown member, the newest, for handleNodeJoin.
        f.hear(new LeaveIntent("x", 5));
        f.hear(new LeaveIntent("x", 5)); // not newer: not passed on again
        f.hear(new JoinIntent("y", 3), new LeaveIntent("y", 2), new JoinIntent("y", 3));
        f.hear(new LeaveIntent("z", 2), new JoinIntent("z", 4));
        List<io.clustersim.gossip.message.Update> passedOn = f.piggyback();
        assertThat(passedOn.stream().filter(u -> u.equals(new LeaveIntent("x", 5)))).hasSize(1);
        assertThat(passedOn.stream().filter(u -> u.equals(new JoinIntent("y", 3)))).hasSize(1);
        assertThat(passedOn).contains(new JoinIntent("y", 3), new JoinIntent("z", 4)).doesNotContain(new LeaveIntent("y", 2));

        f.hear(alive("x", 1), alive("y", 1), alive("z", 1));
        assertThat(f.status("x")).isEqualTo(MemberStatus.LEAVING);
        assertThat(f.status("y")).isEqualTo(MemberStatus.ALIVE);
        assertThat(f.status("z")).isEqualTo(MemberStatus.ALIVE);
        f.hear(new LeaveIntent("y", 3));
        assertThat(f.status("y")).as("the join intent's time came along").isEqualTo(MemberStatus.ALIVE);
        f.hear(new Dead("x", 1, "x"));
        assertThat(f.status("x")).isEqualTo(MemberStatus.LEFT);
        assertThat(f.eventsAbout("x")).containsExactly("MEMBER_JOIN", "MEMBER_LEAVE");
    }

    @Test
    void when_aFailedMemberAnnouncesItsLeave_then_itIsLeftAfterAll() {
        f.hear(new Dead("c", 1, "d"));
        f.hear(new LeaveIntent("c", 9));
        assertThat(f.status("c")).isEqualTo(MemberStatus.LEFT);
        assertThat(f.eventsAbout("c")).containsExactly("MEMBER_FAILED", "MEMBER_LEAVE");
        assertThat(f.piggyback()).contains(new LeaveIntent("c", 9));
        assertThat(f.serfState().leftMembers()).containsExactly("c");

        f.hear(new LeaveIntent("c", 10)); // already left: still news for others
        assertThat(f.piggyback()).contains(new LeaveIntent("c", 10));
        assertThat(f.eventsAbout("c")).hasSize(2);
    }

    @Test
    void when_intentsCarryLamportTimes_then_theClockMovesPastEachOne() {
        // lamport.go Witness: the clock becomes at least v + 1, also when it is at v already.
        assertThat(f.serfState().ltime()).as("serf starts its clock at 1").isEqualTo(1);
        f.hear(new JoinIntent("b", 41));
        assertThat(f.serfState().ltime()).isEqualTo(42);
        f.hear(new LeaveIntent("b", 42));
        assertThat(f.serfState().ltime()).isEqualTo(43);
        f.hear(new JoinIntent("c", 10)); // older than the clock: no change
        assertThat(f.serfState().ltime()).isEqualTo(43);
    }

    @Test
    void when_aPeersStateIsMerged_then_itsClockLeavesAndJoinsApply() {
        // delegate.go MergeRemoteState: witness LTime - 1, leaves first, then the join times.
        f.hear(new LeaveIntent("d", 3));
        SerfPushPull remote = new SerfPushPull(50, new TreeMap<>(Map.of("b", 20L, "c", 7L, "d", 8L)), List.of("c"));
        f.a.handle(id("b"), new PushPullRequest(1, false, List.of(), remote));

        assertThat(f.serfState().ltime()).isEqualTo(50);
        assertThat(f.status("c")).isEqualTo(MemberStatus.LEAVING);
        assertThat(f.status("d")).as("its join at 8 is newer than its leave at 3").isEqualTo(MemberStatus.ALIVE);
        f.hear(new LeaveIntent("b", 20));
        assertThat(f.status("b")).as("b's status time is now 20").isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void when_askedForItsState_then_itSendsItsClockTheStatusTimesAndWhoLeft() {
        f.hear(new LeaveIntent("d", 5), new JoinIntent("b", 3));
        f.hear(new Dead("d", 1, "d"));
        SerfPushPull mine = f.serfState();

        assertThat(mine.leftMembers()).containsExactly("d");
        assertThat(mine.statusLTimes()).containsEntry("d", 5L).containsEntry("b", 3L).containsKeys("a", "c", "e", "f");
        assertThat(mine.ltime()).isEqualTo(6);
    }

    @Test
    void when_anIntentAboutAStrangerIsOlderThanRecentIntentTimeout_then_itIsForgotten() {
        // reap: recent intents are kept RecentIntentTimeout (5 min), checked at each reap.
        f.hear(new LeaveIntent("x", 5));
        f.hear(new LeaveIntent("y", 5));
        f.advance(4 * 60 * S);
        f.hear(alive("x", 1));
        assertThat(f.status("x")).isEqualTo(MemberStatus.LEAVING);
        f.advance(61 * S + 15 * S);
        f.hear(alive("y", 1));
        assertThat(f.status("y")).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void when_anIntentIsExactlyRecentIntentTimeoutOld_then_itIsKeptUntilTheNextReap() {
        // The cut-off is strict: removed once older than RecentIntentTimeout (5 min), at a reap.
        f.advanceTo(15 * S); // right after the reap at 15 s
        f.hear(new LeaveIntent("x", 5));
        f.advanceTo(315 * S);
        f.hear(alive("x", 1));
        assertThat(f.status("x")).as("300 s old at the reap at 315 s: kept").isEqualTo(MemberStatus.LEAVING);

        f.hear(new LeaveIntent("y", 5));
        f.advanceTo(330 * S);
        f.hear(alive("y", 1));
        assertThat(f.status("y")).as("15 s old at the reap at 330 s: kept").isEqualTo(MemberStatus.LEAVING);
    }

    @Test
    void when_failedForExactlyTheReconnectTimeout_then_reapedOnlyAtTheNextReap() {
        // reap: a member is reaped when failed for longer than ReconnectTimeout (strictly).
        SerfFixture g = new SerfFixture(GossipConfig.lan().withSerf(s -> s.reconnectTimeout(Duration.ofSeconds(30))), 5, 42);
        g.advanceTo(15 * S); // the first reap runs at 15 s
        g.hear(new Dead("c", 1, "d"));
        g.advanceTo(45 * S);
        assertThat(g.status("c")).isEqualTo(MemberStatus.FAILED);
        g.advanceTo(60 * S);
        assertThat(g.a.member("c")).isEmpty();
        assertThat(g.eventsAbout("c")).containsExactly("MEMBER_FAILED", "MEMBER_REAP");
    }

    @Test
    void when_aLeftMemberOutlivesItsTombstone_then_itIsReaped() {
        SerfFixture g = new SerfFixture(GossipConfig.lan().withSerf(s -> s.tombstoneTimeout(Duration.ofSeconds(30))), 5, 42);
        g.advanceTo(15 * S);
        g.hear(new LeaveIntent("c", 4), new Dead("c", 1, "c"));
        g.advanceTo(45 * S);
        assertThat(g.status("c")).isEqualTo(MemberStatus.LEFT);
        g.advanceTo(60 * S);
        assertThat(g.eventsAbout("c")).containsExactly("MEMBER_LEAVE", "MEMBER_REAP");
    }

    @Test
    void when_aFailedOrLeftMemberComesBack_then_itIsNoLongerReapedOrReconnectedTo() {
        // handleNodeJoin: a rejoining member leaves the failed and left lists.
        SerfFixture g = new SerfFixture(GossipConfig.lan().withSerf(s -> s.reconnectTimeout(Duration.ofSeconds(30))
                .tombstoneTimeout(Duration.ofSeconds(30)).reconnectInterval(Duration.ofSeconds(1))), 5, 42);
        g.hear(new Dead("c", 1, "d"), new LeaveIntent("d", 4), new Dead("d", 1, "d"));
        g.hear(alive("c", 2), alive("d", 2));
        assertThat(g.status("c")).isEqualTo(MemberStatus.ALIVE);
        assertThat(g.status("d")).isEqualTo(MemberStatus.ALIVE);
        g.sent.clear();
        g.runAnsweringProbes(60 * S);

        assertThat(g.eventsAbout("c")).containsExactly("MEMBER_FAILED", "MEMBER_JOIN");
        assertThat(g.eventsAbout("d")).containsExactly("MEMBER_LEAVE", "MEMBER_JOIN");
        assertThat(g.sentOf(PushPullRequest.class)).noneMatch(s -> ((PushPullRequest) s.message()).join());
    }
}
