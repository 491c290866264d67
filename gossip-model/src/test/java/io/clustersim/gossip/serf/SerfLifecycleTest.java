package io.clustersim.gossip.serf;

import static io.clustersim.gossip.serf.SerfFixture.S;
import static io.clustersim.gossip.serf.SerfFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.JoinIntent;
import io.clustersim.gossip.message.LeaveIntent;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.PushPullResponse;
import io.clustersim.gossip.message.SerfPushPull;
import io.clustersim.gossip.message.Update;
import io.clustersim.kernel.node.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A Serf agent's own life: joining, leaving gracefully, shutting down, reconnecting to failed
 * members (serf {@code serf.go} {@code Join}, {@code Leave}, {@code Shutdown}, {@code reconnect}).
 */
class SerfLifecycleTest {

    @Test
    void when_aSeedAnswersTheJoin_then_theAgentAnnouncesItselfWithAJoinIntent() {
        // serf Join: after memberlist's join succeeds, broadcast a join intent at the current time.
        SerfFixture f = new SerfFixture(GossipConfig.lan(), 0, 42);
        List<Integer> done = new ArrayList<>();
        f.a.join(List.of(id("b")), done::add);
        PushPullRequest req = (PushPullRequest) f.sentOf(PushPullRequest.class).get(0).message();
        assertThat(req.join()).isTrue();
        assertThat(req.userState()).isInstanceOfSatisfying(SerfPushPull.class, s -> assertThat(s.ltime()).isEqualTo(1));
        f.a.handle(id("b"), new PushPullResponse(req.exchange(),
                List.of(new PushNodeState("b", id("b"), 1, MemberState.ALIVE, new TreeMap<>())),
                new SerfPushPull(1, new TreeMap<>(), List.of())));

        assertThat(done).containsExactly(1);
        assertThat(f.status("b")).isEqualTo(MemberStatus.ALIVE);
        assertThat(f.piggyback()).contains(new JoinIntent("a", 1));
    }

    @Test
    void when_noSeedAnswers_then_theJoinReportsZeroAndAnnouncesNothing() {
        SerfFixture f = new SerfFixture(GossipConfig.lan(), 0, 42);
        List<Integer> done = new ArrayList<>();
        f.a.join(List.of(id("b")), done::add);
        f.advance(GossipConfig.lan().memberlist().tcpTimeout().toNanos());

        assertThat(done).containsExactly(0);
        assertThat(f.piggyback()).noneMatch(u -> u instanceof JoinIntent);
    }

    @Test
    void when_leavingWithPeers_then_theLeaveIntentGoesOutFirstAndTheAgentEndsLeft() {
        // serf Leave: broadcast the leave intent (up to BroadcastTimeout), memberlist's leave,
        // then LeavePropagateDelay; the agent is then left and the host shuts it down.
        SerfFixture f = new SerfFixture();
        List<Long> done = new ArrayList<>();
        f.a.leave(() -> done.add(f.now()));
        assertThat(f.a.state()).isEqualTo(SerfState.LEAVING);
        assertThat(f.status("a")).isEqualTo(MemberStatus.LEAVING);
        List<Update> first = f.piggyback();
        assertThat(first).contains(new LeaveIntent("a", 1));

        f.runAnsweringProbes(3 * S); // done well before the 5 s BroadcastTimeout
        assertThat(done).hasSize(1);
        assertThat(f.a.state()).isEqualTo(SerfState.LEFT);
        assertThat(f.a.memberlist().hasLeft()).isTrue();

        List<Integer> again = new ArrayList<>();
        f.a.leave(() -> again.add(1));
        assertThat(again).as("a second leave is done at once").containsExactly(1);

        f.a.shutdown();
        assertThat(f.anyTimerPending()).as("no timer of the leave is left behind").isFalse();
    }

    @Test
    void when_leavingAlone_then_onlyThePropagateDelayIsWaited() {
        // Nobody to tell: no broadcast to wait for, just LeavePropagateDelay (1 s).
        SerfFixture f = new SerfFixture(GossipConfig.lan(), 0, 42);
        List<Long> done = new ArrayList<>();
        f.a.leave(() -> done.add(f.now()));
        f.advance(10 * S);
        assertThat(done).containsExactly(GossipConfig.lan().serf().leavePropagateDelay().toNanos());
    }

    @Test
    void when_shutDownWhileTheLeavePropagates_then_itStaysShutDown() {
        SerfFixture f = new SerfFixture(GossipConfig.lan(), 0, 42);
        List<String> done = new ArrayList<>();
        f.a.leave(() -> done.add("done"));
        f.a.shutdown();
        f.advance(10 * S);
        assertThat(done).containsExactly("done");
        assertThat(f.a.state()).isEqualTo(SerfState.SHUTDOWN);
    }

    @Test
    void when_shutDown_then_memberlistStopsAndNoTimerIsLeft() {
        SerfFixture f = new SerfFixture();
        f.hear(new JoinIntent("b", 3));
        f.a.shutdown();

        assertThat(f.a.state()).isEqualTo(SerfState.SHUTDOWN);
        assertThat(f.a.memberlist().isShutdown()).isTrue();
        assertThat(f.anyTimerPending()).isFalse();
        f.sent.clear();
        f.advance(60 * S);
        assertThat(f.sent).isEmpty();
    }

    @Test
    void when_runWithoutAnObserver_then_eventsAreSimplyNotReported() {
        SerfFixture ports = new SerfFixture(GossipConfig.lan(), 0, 1);
        Serf s = new Serf("q", Map.of(), GossipConfig.lan(), ports, null);
        s.start();
        s.addKnownMember("b", id("b"), Map.of());
        s.handle(id("b"), new io.clustersim.gossip.message.Gossip(List.of(new Dead("b", 1, "c"))));
        assertThat(s.member("b").orElseThrow().status()).isEqualTo(MemberStatus.FAILED);
        assertThat(s.name()).isEqualTo("q");
        assertThat(s.config()).isEqualTo(GossipConfig.lan());
    }

    @Test
    void when_someMembersFailed_then_aReconnectIsTriedWithProbabilityFailedOverAlive() {
        // serf reconnect: prob = numFailed / (members - failed - left); here 1 / (6 - 1 - 1) = 1/4.
        GossipConfig config = GossipConfig.lan().withSerf(s -> s.reconnectInterval(Duration.ofSeconds(1)));
        SerfFixture f = new SerfFixture(config, 5, 42);
        f.hear(new Dead("e", 1, "b"), new LeaveIntent("f", 2), new Dead("f", 1, "f"));
        assertThat(f.status("e")).isEqualTo(MemberStatus.FAILED);
        assertThat(f.status("f")).isEqualTo(MemberStatus.LEFT);
        f.sent.clear();
        f.runAnsweringProbes(2000 * S);

        long attempts = f.sent.stream().filter(s -> s.to().equals(id("e"))
                && s.message() instanceof PushPullRequest p && p.join()).count();
        // 2000 tries at 1/4: mean 500, standard deviation 19 (at 1/6 the mean would be 333).
        assertThat(attempts).isBetween(440L, 560L);
    }

    @Test
    void when_nobodyFailed_then_noReconnectIsTried() {
        GossipConfig config = GossipConfig.lan().withSerf(s -> s.reconnectInterval(Duration.ofSeconds(1)));
        SerfFixture f = new SerfFixture(config, 5, 42);
        f.sent.clear();
        f.runAnsweringProbes(30 * S);
        assertThat(f.sentOf(PushPullRequest.class)).noneMatch(s -> ((PushPullRequest) s.message()).join());
    }

    @Test
    void when_aFailedMemberIsForcedToLeave_then_itIsLeftHereAndTheIntentGoesOutOnItsBehalf() {
        // serf RemoveFailedNode: a leave intent for the failed member, so others reap it after the
        // tombstone timeout instead of reconnecting to it.
        SerfFixture f = new SerfFixture();
        f.hear(new Dead("c", 1, "d"));
        assertThat(f.status("c")).isEqualTo(MemberStatus.FAILED);
        f.a.forceLeave("c");
        assertThat(f.status("c")).isEqualTo(MemberStatus.LEFT);
        assertThat(f.eventsAbout("c")).containsExactly("MEMBER_FAILED", "MEMBER_LEAVE");
        assertThat(f.piggyback()).contains(new LeaveIntent("c", 1));
    }

    @Test
    void when_nobodyElseIsAliveOrTheAgentIsShutDown_then_forceLeaveTellsNobody() {
        SerfFixture alone = new SerfFixture(GossipConfig.lan(), 0, 42);
        alone.hear(new io.clustersim.gossip.message.Alive("c", id("c"), 1, new TreeMap<>()), new Dead("c", 1, "a"));
        alone.a.forceLeave("c");
        assertThat(alone.status("c")).isEqualTo(MemberStatus.LEFT);
        assertThat(alone.piggyback()).noneMatch(u -> u instanceof LeaveIntent);

        SerfFixture down = new SerfFixture();
        down.hear(new Dead("c", 1, "d"));
        down.a.shutdown();
        down.a.forceLeave("c");
        assertThat(down.status("c")).isEqualTo(MemberStatus.FAILED);
    }

    @Test
    void when_listingMembersByTag_then_onlyThoseWithThatValueAreReturned() {
        SerfFixture f = new SerfFixture();
        f.a.addKnownMember("g", new NodeId(6, "g"), Map.of("role", "nomad"));
        assertThat(f.a.membersWithTag("role", "nomad")).extracting(Member::name).containsExactly("a", "g");
    }
}
