package io.clustersim.gossip.memberlist;

import static io.clustersim.gossip.memberlist.MemberFixture.S;
import static io.clustersim.gossip.memberlist.MemberFixture.alive;
import static io.clustersim.gossip.memberlist.MemberFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.IndirectPing;
import io.clustersim.gossip.message.LeaveIntent;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.PushPullResponse;
import io.clustersim.gossip.message.StreamAck;
import io.clustersim.gossip.message.StreamPing;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.message.Update;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A memberlist's life outside the probe and merge rules: shutdown, graceful leave, joins, stream
 * pings, the cached push-pull list and the read-only views (memberlist {@code memberlist.go}
 * {@code Leave}, {@code Shutdown}, {@code Join}; {@code net.go} stream handlers).
 */
class MemberlistLifecycleTest {

    // ---- shutdown ----------------------------------------------------------------------------

    @Test
    void when_shutDownWithAProbeARelayASuspicionAndAJoinInFlight_then_noTimerIsLeftBehind() {
        // Memberlist.shutdown: "Stops all loops and timers". memberlist's Shutdown stops the
        // probe, gossip and push-pull tickers; suspicion timers and pending acks die with them.
        MemberFixture f = new MemberFixture();
        Ping probe = f.nextPing();
        // Names other than the probe's target, for the relays and the suspicion.
        List<String> others = new ArrayList<>(MemberFixture.PEERS);
        others.remove(probe.target());
        // A relay that its target has already answered (its expiry timer must be gone too) ...
        f.ports.sent.clear();
        f.a.handle(id("c"), new IndirectPing(70, others.get(0), id(others.get(0)), true, "c", List.of()));
        Ping relayed = f.sent(Ping.class).get(0);
        f.a.handle(id(others.get(0)), new Ack(relayed.seqNo(), List.of()));
        // ... one still waiting, a suspicion, and a join that has not been answered.
        f.a.handle(id("c"), new IndirectPing(71, others.get(1), id(others.get(1)), true, "c", List.of()));
        f.hear(new Suspect(others.get(2), 1, "c"));
        f.a.join(List.of(new NodeId(9, "seed")), n -> {});
        assertThat(f.ports.nextTimerAt()).isPositive();

        f.a.shutdown();

        assertThat(f.a.isShutdown()).isTrue();
        assertThat(f.ports.nextTimerAt()).as("every timer cancelled").isEqualTo(-1);
        assertThat(f.a.pendingBroadcasts()).isZero();
        assertThat(f.a.suspicionConfirmations(others.get(2))).isEqualTo(-1);
        assertThat(f.state(probe.target())).as("the probe in flight ended with the member").isEqualTo(MemberState.ALIVE);
    }

    @Test
    void when_shutDownDuringALeave_then_theLeaveEndsAtItsTimeoutAsMemberlistsLeaveReturns() {
        // memberlist Leave waits on the broadcast's notify channel or time.After(timeout); Shutdown
        // drops the broadcast queue, so the wait ends at the timeout and the caller goes on.
        MemberFixture f = new MemberFixture();
        List<Long> done = new ArrayList<>();
        f.a.leave(10 * S, () -> done.add(f.ports.now()));
        f.a.shutdown();
        assertThat(f.a.pendingBroadcasts()).isZero();
        assertThat(f.ports.nextTimerAt()).isEqualTo(10 * S);
        f.ports.advance(20 * S);
        assertThat(done).containsExactly(10 * S);
    }

    @Test
    void when_aProbeWasAnsweredAndAJoinCompleted_then_shutdownStillLeavesNoTimer() {
        // The finished round's own timers and the join's TCP timeout must not linger either.
        MemberFixture f = new MemberFixture();
        Ping probe = f.nextPing();
        f.a.handle(id(probe.target()), new Ack(probe.seqNo(), List.of()));
        f.a.join(List.of(new NodeId(9, "seed")), n -> {});
        PushPullRequest req = f.sent(PushPullRequest.class).get(0);
        f.a.handle(new NodeId(9, "seed"), new PushPullResponse(req.exchange(), List.of(), null));

        f.a.shutdown();

        assertThat(f.ports.nextTimerAt()).isEqualTo(-1);
    }

    @Test
    void when_shutDown_then_messagesAreIgnoredAndNothingIsSentEvenForAJoin() {
        MemberFixture f = new MemberFixture();
        assertThat(f.a.isShutdown()).isFalse();
        f.a.shutdown();
        f.a.shutdown(); // twice is harmless
        f.ports.sent.clear();

        f.hear(new Suspect("b", 1, "c"));
        f.a.handle(id("b"), new Ping(3, "a", "b", List.of()));
        f.a.handle(id("b"), new PushPullRequest(8, false,
                List.of(new PushNodeState("g", id("g"), 1, MemberState.ALIVE, new TreeMap<>())), null));
        f.a.handle(id("c"), new IndirectPing(9, "d", id("d"), true, "c", List.of()));
        f.a.join(List.of(id("c")), n -> {});

        assertThat(f.state("b")).isEqualTo(MemberState.ALIVE);
        assertThat(f.a.member("g")).as("a push-pull after shutdown is not merged").isEmpty();
        assertThat(f.ports.sent).isEmpty();
    }

    @Test
    void when_theUpperLayerShutsDownOnAPiggybackedUpdate_then_theRestOfThePacketIsIgnored() {
        // Updates are applied one by one after the packet; once shut down, none may change the view.
        Memberlist[] self = new Memberlist[1];
        MemberlistDelegate shutsDown = new MemberlistDelegate() {
            @Override
            public void notifyUserUpdate(Update update) {
                self[0].shutdown();
            }
        };
        MemberFixture f = new MemberFixture(MemberlistConfig.lan(), 5, 42, shutsDown);
        self[0] = f.a;
        f.a.handle(id("b"), new Gossip(List.of(new LeaveIntent("x", 3), new Suspect("b", 1, "c"))));

        assertThat(f.a.isShutdown()).isTrue();
        assertThat(f.state("b")).isEqualTo(MemberState.ALIVE);
    }

    // ---- leave -------------------------------------------------------------------------------

    @Test
    void when_leavingWithLivePeers_then_doneWaitsUntilTheLeaveHasBeenGossipedItsLastTime() {
        // memberlist Leave: broadcast a dead message about ourselves and wait until it has been
        // sent (or the timeout passes); others record it as left because From is the member itself.
        MemberFixture f = new MemberFixture();
        List<String> done = new ArrayList<>();
        f.a.leave(10 * S, () -> done.add("done@" + f.ports.now()));

        assertThat(done).isEmpty();
        assertThat(f.a.hasLeft()).isTrue();
        assertThat(f.state("a")).isEqualTo(MemberState.LEFT);
        f.ports.sent.clear();
        f.ports.advance(2 * S);

        assertThat(done).hasSize(1);
        long sends = f.ports.sent.stream().filter(s -> s.message() instanceof io.clustersim.gossip.message.Packet p
                && p.updates().contains(new Dead("a", 1, "a"))).count();
        // retransmitLimit(4, 6 members) = 4 * ceil(log10 7) = 4
        assertThat(sends).isEqualTo(MemberlistFormulas.retransmitLimit(4, 6));
        f.ports.advance(20 * S);
        assertThat(done).as("the timeout does not call back a second time").hasSize(1);
    }

    @Test
    void when_theLeaveCannotBeSent_then_itFinishesAtTheTimeout() {
        // No gossip targets and no indirect probes: the dead message goes out at most on one
        // probe, short of its retransmit limit of 4, so the timeout ends the wait.
        MemberlistConfig quiet = MemberlistConfig.lan().toBuilder().probeInterval(Duration.ofHours(1)).gossipNodes(0)
                .indirectChecks(0).build();
        MemberFixture f = new MemberFixture(quiet, 5);
        List<Long> done = new ArrayList<>();
        f.a.leave(3 * S, () -> done.add(f.ports.now()));
        f.ports.advance(3 * S - 1);
        assertThat(done).isEmpty();
        f.ports.advance(1);
        assertThat(done).containsExactly(3 * S);
    }

    @Test
    void when_nobodyElseIsAlive_then_leaveIsDoneAtOnce() {
        MemberFixture alone = new MemberFixture(MemberlistConfig.lan(), 0);
        List<String> done = new ArrayList<>();
        alone.a.leave(10 * S, () -> done.add("alone"));
        assertThat(done).containsExactly("alone");

        MemberFixture allGone = new MemberFixture(MemberlistConfig.lan(), 2);
        allGone.hear(new Dead("b", 1, "c"), new Dead("c", 1, "c"));
        allGone.a.leave(10 * S, () -> done.add("all gone"));
        assertThat(done).containsExactly("alone", "all gone");
    }

    @Test
    void when_leaveIsCalledAgainOrAfterShutdown_then_itIsDoneAtOnce() {
        MemberFixture f = new MemberFixture();
        List<String> done = new ArrayList<>();
        f.a.leave(10 * S, () -> done.add("first"));
        f.a.leave(10 * S, () -> done.add("again"));
        assertThat(done).containsExactly("again");

        MemberFixture g = new MemberFixture();
        g.a.shutdown();
        g.a.leave(10 * S, () -> done.add("after shutdown"));
        assertThat(done).containsExactly("again", "after shutdown");
        assertThat(g.a.hasLeft()).isFalse();
    }

    @Test
    void when_anOldAliveAboutUsArrivesAfterWeLeft_then_theLeaveStands() {
        // NodeStateRules.aliveNode: an alive about us still in flight must not undo our leave.
        MemberFixture f = new MemberFixture();
        f.a.leave(10 * S, () -> {});
        f.hear(alive("a", 5));
        f.hear(new Suspect("a", 1, "b"));

        assertThat(f.state("a")).isEqualTo(MemberState.LEFT);
        assertThat(f.refutations).isEmpty();
        assertThat(f.a.incarnation()).isEqualTo(1);
    }

    // ---- join and push-pull ----------------------------------------------------------------------

    @Test
    void when_joiningThroughTwoSeedsOfWhichOneAnswers_then_theAnswerIsMergedAndDoneCountsOne() {
        // memberlist Join: a push-pull with each seed in turn; the result is how many succeeded.
        MemberFixture f = new MemberFixture(MemberlistConfig.lan(), 0);
        List<Integer> done = new ArrayList<>();
        f.ports.sent.clear();
        f.a.join(List.of(id("b"), id("c")), done::add);

        ManualPorts.Sent first = f.sentOf(PushPullRequest.class).get(0);
        PushPullRequest toB = (PushPullRequest) first.message();
        assertThat(first.to()).isEqualTo(id("b"));
        assertThat(first.delivery()).isEqualTo(Delivery.FIFO);
        assertThat(toB.join()).isTrue();
        assertThat(toB.nodes()).extracting(PushNodeState::name).containsExactly("a");
        f.a.handle(id("b"), new PushPullResponse(toB.exchange(),
                List.of(new PushNodeState("b", id("b"), 4, MemberState.ALIVE, new TreeMap<>())), null));
        assertThat(f.state("b")).isEqualTo(MemberState.ALIVE);
        assertThat(f.incarnation("b")).isEqualTo(4);
        assertThat(done).isEmpty();

        // c never answers: the TCP timeout fails that exchange.
        assertThat(f.sentOf(PushPullRequest.class)).extracting(ManualPorts.Sent::to).containsExactly(id("b"), id("c"));
        f.ports.advance(MemberlistConfig.lan().tcpTimeout().toNanos());
        assertThat(done).containsExactly(1);
    }

    @Test
    void when_anAnswerComesAfterTheTimeout_then_itIsIgnored() {
        MemberFixture f = new MemberFixture(MemberlistConfig.lan(), 0);
        List<Integer> done = new ArrayList<>();
        f.a.join(List.of(id("b")), done::add);
        PushPullRequest req = f.sent(PushPullRequest.class).get(0);
        f.ports.advance(MemberlistConfig.lan().tcpTimeout().toNanos());
        assertThat(done).containsExactly(0);

        f.a.handle(id("b"), new PushPullResponse(req.exchange(),
                List.of(new PushNodeState("b", id("b"), 1, MemberState.ALIVE, new TreeMap<>())), null));
        assertThat(f.a.member("b")).isEmpty();
        assertThat(done).containsExactly(0);
    }

    @Test
    void when_pushPullTicks_then_itSyncsOnlyWithLiveMembersAndKeepsTicking() {
        // memberlist pushPull: a random alive member other than self, every (scaled) interval.
        // No probing, so that only the states set here decide: b suspect, c dead, d left.
        MemberlistConfig noProbes = MemberlistConfig.lan().toBuilder().probeInterval(Duration.ofHours(1)).build();
        MemberFixture f = new MemberFixture(noProbes, 5);
        f.hear(new Suspect("b", 1, "c"), new Dead("c", 1, "d"), new Dead("d", 1, "d"));
        f.ports.sent.clear();
        f.ports.advance(5 * 30 * S);

        List<ManualPorts.Sent> syncs = f.sentOf(PushPullRequest.class);
        assertThat(syncs).hasSizeGreaterThanOrEqualTo(4);
        assertThat(syncs).extracting(s -> s.to().name()).containsOnly("e", "f");
        assertThat(syncs).allSatisfy(s -> assertThat(((PushPullRequest) s.message()).join()).isFalse());
    }

    @Test
    void when_statesChangeBetweenPushPulls_then_eachAnswerSendsTheStateAsItIsThen() {
        // The push-pull list is cached; any change to a listed member must show in the next one:
        // a peer's new incarnation, and our own after a refutation.
        MemberFixture f = new MemberFixture();
        f.a.handle(id("b"), new PushPullRequest(1, false, List.of(), null));
        f.hear(alive("b", 2));
        f.a.handle(id("b"), new PushPullRequest(2, false, List.of(), null));
        f.hear(new Suspect("a", 1, "c")); // refuted: a goes to incarnation 2
        f.a.handle(id("b"), new PushPullRequest(3, false, List.of(), null));

        List<PushPullResponse> answers = f.sent(PushPullResponse.class);
        assertThat(answers).extracting(PushPullResponse::exchange).containsExactly(1L, 2L, 3L);
        assertThat(incarnations(answers.get(0))).containsEntry("a", 1L).containsEntry("b", 1L);
        assertThat(incarnations(answers.get(1))).containsEntry("a", 1L).containsEntry("b", 2L);
        assertThat(incarnations(answers.get(2))).containsEntry("a", 2L).containsEntry("b", 2L);
    }

    private static Map<String, Long> incarnations(PushPullResponse r) {
        Map<String, Long> out = new TreeMap<>();
        r.nodes().forEach(n -> out.put(n.name(), n.incarnation()));
        return out;
    }

    // ---- pings over UDP and TCP --------------------------------------------------------------------

    @Test
    void when_pingedUnderItsOwnNameOverUdpOrTcp_then_itAnswersOnTheSamePath_andOtherwiseStaysSilent() {
        // memberlist handlePing / handleStreamPing: a ping for another name (a previous owner of
        // the address) is not answered.
        MemberFixture f = new MemberFixture();
        f.ports.sent.clear();
        f.a.handle(id("b"), new Ping(5, "a", "b", List.of()));
        f.a.handle(id("b"), new Ping(6, "zed", "b", List.of()));
        f.a.handle(id("c"), new StreamPing(7, "a", "c"));
        f.a.handle(id("c"), new StreamPing(8, "zed", "c"));

        assertThat(f.ports.sent).hasSize(2);
        assertThat(f.ports.sent.get(0).to()).isEqualTo(id("b"));
        assertThat(f.ports.sent.get(0).message()).isInstanceOfSatisfying(Ack.class, ack -> assertThat(ack.seqNo()).isEqualTo(5));
        assertThat(f.ports.sent.get(0).delivery()).isEqualTo(Delivery.DATAGRAM);
        assertThat(f.ports.sent.get(1)).isEqualTo(new ManualPorts.Sent(id("c"), new StreamAck(7), Delivery.FIFO));
        assertThat(f.observedSends).contains("a->b Ack", "a->c StreamAck");
    }

    // ---- views and hosts -----------------------------------------------------------------------

    @Test
    void when_askedAboutItself_then_itReportsItsNameAddressConfigAndIncarnationFromZero() {
        ManualPorts ports = new ManualPorts(id("a"), 3);
        Memberlist m = new Memberlist("a", Map.of(), MemberlistConfig.wan(), ports, null, null);
        assertThat(m.incarnation()).as("before start").isZero();
        m.start();
        assertThat(m.name()).isEqualTo("a");
        assertThat(m.address()).isEqualTo(id("a"));
        assertThat(m.config()).isEqualTo(MemberlistConfig.wan());
        assertThat(m.incarnation()).isEqualTo(1);
        assertThat(m.pendingBroadcasts()).as("its own alive").isEqualTo(1);
    }

    @Test
    void when_runWithoutDelegateOrObserver_then_itStillProbesSuspectsAndForgets() {
        // Both are optional (null means none). Nobody answers on these ports, so c, probed and
        // unanswered, is suspected and then declared dead after the suspicion timeout (4 s: three
        // members expect no confirmations); b announced its leave. GossipToTheDeadTime (30 s) after
        // that, the next wrap of the probe list drops both.
        ManualPorts ports = new ManualPorts(id("a"), 3);
        Memberlist m = new Memberlist("a", Map.of(), MemberlistConfig.lan(), ports, null, null);
        m.start();
        m.addKnownMember("b", id("b"), Map.of());
        m.handle(id("b"), new Gossip(List.of(alive("c", 1), new Dead("b", 1, "b"))));
        m.handle(id("b"), new PushPullRequest(1, true, List.of(), null));
        ports.advance(20 * S);
        assertThat(m.member("c").orElseThrow().state()).isEqualTo(MemberState.DEAD);
        assertThat(m.member("b").orElseThrow().state()).isEqualTo(MemberState.LEFT);
        ports.advance(40 * S);
        assertThat(m.members()).extracting(NodeInfo::name).containsExactly("a");
        assertThat(ports.sent).isNotEmpty();
    }

    @Test
    void when_membersAreListed_then_theyComeSortedByNameWithCountsPerState() {
        MemberFixture f = new MemberFixture(MemberlistConfig.lan(), 0);
        f.hear(alive("f", 1), alive("c", 1), alive("e", 1), alive("b", 1));
        f.hear(new Dead("e", 1, "c"), new Suspect("c", 1, "b"));

        assertThat(f.a.members()).extracting(NodeInfo::name).containsExactly("a", "b", "c", "e", "f");
        assertThat(f.a.count(MemberState.ALIVE)).isEqualTo(3);
        assertThat(f.a.count(MemberState.SUSPECT)).isEqualTo(1);
        assertThat(f.a.count(MemberState.DEAD)).isEqualTo(1);
        assertThat(f.a.count(MemberState.LEFT)).isZero();
        assertThat(f.a.numNodes()).isEqualTo(5);
        assertThat(f.a.member("zed")).isEmpty();
    }

    @Test
    void when_aPiggybackedUpdateArrivesOnAProbe_then_itIsAppliedAfterThePacket() {
        MemberFixture f = new MemberFixture();
        f.ports.sent.clear();
        f.a.handle(id("b"), new Ping(9, "a", "b", List.of(alive("g", 1))));
        assertThat(f.sent(Ack.class)).extracting(Ack::seqNo).containsExactly(9L);
        assertThat(f.state("g")).isEqualTo(MemberState.ALIVE);
    }
}
