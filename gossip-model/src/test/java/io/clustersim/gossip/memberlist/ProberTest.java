package io.clustersim.gossip.memberlist;

import static io.clustersim.gossip.memberlist.MemberFixture.S;
import static io.clustersim.gossip.memberlist.MemberFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.config.ProbeTargets;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.IndirectPing;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Nack;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.StreamAck;
import io.clustersim.gossip.message.StreamPing;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.kernel.network.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The failure detector step by step (memberlist {@code state.go probeNode}, {@code net.go}
 * {@code handleIndirectPing}; Lifeguard's nacks, buddy system and awareness). The member under test
 * is {@code a}; nobody answers unless the test hands {@code a} the answer.
 */
class ProberTest {
    private static final long PROBE_TIMEOUT = MemberlistConfig.lan().probeTimeout().toNanos();

    /** Probes until one of {@code targets} is probed, answering every other probe. */
    private static Ping probeOf(MemberFixture f, Set<String> targets) {
        for (int i = 0; i < 50; i++) {
            Ping p = f.nextPing();
            if (targets.contains(p.target())) {
                return p;
            }
            f.a.handle(id(p.target()), new Ack(p.seqNo(), List.of()));
        }
        throw new AssertionError("none of " + targets + " was probed");
    }

    @Test
    void when_aProbeGoesUnanswered_then_onlyLiveMembersOtherThanTheTargetAreAskedToHelp() {
        // memberlist probeNode: kRandomNodes(IndirectChecks) excluding self, the target and any
        // member not alive.
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("c", 1, "b"), new Dead("d", 1, "b"));
        Ping p = probeOf(f, Set.of("b", "e", "f"));
        f.ports.advance(PROBE_TIMEOUT);

        Set<String> helpers = f.sentOf(IndirectPing.class).stream().map(s -> s.to().name()).collect(Collectors.toSet());
        Set<String> expected = new TreeSet<>(Set.of("b", "e", "f"));
        expected.remove(p.target());
        assertThat(helpers).isEqualTo(expected);
        assertThat(f.sent(IndirectPing.class)).allSatisfy(ip -> {
            assertThat(ip.seqNo()).isEqualTo(p.seqNo());
            assertThat(ip.target()).isEqualTo(p.target());
            assertThat(ip.targetAddress()).isEqualTo(id(p.target()));
        });
    }

    @Test
    void when_askedToPingForAnotherMember_then_itRelaysTheAckUnderTheProbersSequenceNumber() {
        // net.go handleIndirectPing: ping the target with our own sequence number, forward its ack.
        MemberFixture f = new MemberFixture();
        f.ports.sent.clear();
        f.a.handle(id("c"), new IndirectPing(77, "d", id("d"), true, "c", List.of()));
        Ping relayed = f.sent(Ping.class).get(0);
        assertThat(f.ports.sent.get(0).to()).isEqualTo(id("d"));
        assertThat(relayed.target()).isEqualTo("d");
        assertThat(relayed.source()).isEqualTo("a");

        f.a.handle(id("d"), new Ack(relayed.seqNo(), List.of()));
        f.ports.advance(PROBE_TIMEOUT);

        assertThat(f.sentOf(Ack.class)).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(id("c"));
            assertThat(((Ack) s.message()).seqNo()).isEqualTo(77);
        });
        assertThat(f.sent(Nack.class)).as("an answered relay sends no nack").isEmpty();
    }

    @Test
    void when_theRelayedPingGoesUnanswered_then_aNackGoesBackOnlyIfTheProberAskedForOne() {
        // Lifeguard: the helper nacks after ProbeTimeout so the prober learns the helper path works.
        MemberFixture f = new MemberFixture();
        f.ports.sent.clear();
        f.a.handle(id("c"), new IndirectPing(77, "d", id("d"), true, "c", List.of()));
        f.a.handle(id("b"), new IndirectPing(78, "e", id("e"), false, "b", List.of()));
        f.ports.advance(PROBE_TIMEOUT - 1);
        assertThat(f.sent(Nack.class)).isEmpty();
        f.ports.advance(1);

        assertThat(f.sentOf(Nack.class)).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(id("c"));
            assertThat(((Nack) s.message()).seqNo()).isEqualTo(77);
        });
        assertThat(f.sent(Ack.class)).isEmpty();
    }

    @Test
    void when_onlyTheStreamPingIsAnswered_then_theTargetIsNotSuspectedAndHealthImproves() {
        // memberlist probeNode: the TCP fallback ping runs alongside the indirect pings; an ack
        // over it before the end of the window counts as contact.
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("a", 1, "b")); // awareness 1: window 2 s
        Ping p = f.nextPing();
        f.ports.advance(PROBE_TIMEOUT);
        assertThat(f.sentOf(StreamPing.class)).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(id(p.target()));
            assertThat(s.delivery()).isEqualTo(Delivery.FIFO);
            assertThat(s.message()).isEqualTo(new StreamPing(p.seqNo(), p.target(), "a"));
        });
        f.ports.advance(S); // well inside the 2 s window
        f.a.handle(id(p.target()), new StreamAck(p.seqNo()));
        f.ports.advance(S);

        assertThat(f.state(p.target())).isEqualTo(MemberState.ALIVE);
        assertThat(f.a.awarenessScore()).isZero();
    }

    @Test
    void when_aStreamAckCarriesAnotherSequenceNumber_then_itDoesNotSaveTheProbe() {
        MemberFixture f = new MemberFixture();
        Ping p = f.nextPing();
        f.ports.advance(PROBE_TIMEOUT);
        f.a.handle(id(p.target()), new StreamAck(p.seqNo() + 100));
        f.ports.advance(S);

        assertThat(f.state(p.target())).isEqualTo(MemberState.SUSPECT);
    }

    @Test
    void when_probingASuspect_then_thePingTellsItItIsSuspected() {
        // Lifeguard buddy system (memberlist probeNode): a suspect gets a ping that carries the
        // suspicion, so it can refute at once.
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("b", 1, "c"));
        Ping p = probeOf(f, Set.of("b"));
        assertThat(p.updates()).containsExactly(new Suspect("b", 1, "a"));
    }

    @Test
    void when_probingASuspectWithLifeguardOff_then_itIsAnOrdinaryPing() {
        // (A long suspicion, since SWIM's fixed one would have b dead before its turn comes.)
        MemberFixture f = new MemberFixture(MemberlistConfig.lan().toBuilder().lifeguard(false).suspicionMult(40).build(), 5);
        f.hear(new Suspect("b", 1, "c"));
        Ping p = probeOf(f, Set.of("b"));
        assertThat(p.updates()).doesNotContain(new Suspect("b", 1, "a"));
    }

    @Test
    void when_aProbeFailsWithNobodyToAskForHelp_then_healthDropsByOne() {
        // Lifeguard: with no nacks expected, a failed probe counts 1 against our health.
        MemberFixture f = new MemberFixture(MemberlistConfig.lan(), 1);
        Ping p = f.nextPing();
        assertThat(p.target()).isEqualTo("b");
        f.ports.advance(S);

        assertThat(f.sent(IndirectPing.class)).isEmpty();
        assertThat(f.state("b")).isEqualTo(MemberState.SUSPECT);
        assertThat(f.a.awarenessScore()).isEqualTo(1);
    }

    @Test
    void when_aStretchedWindowEndsUnanswered_then_theMissedTickProbesAtOnce() {
        // Prober: a probe that runs past the next tick keeps that tick, like Go's ticker.
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("a", 1, "b")); // awareness 1: the window is two probe intervals
        Ping first = f.nextPing();
        long windowEnd = f.lastPingAt + 2 * S;
        f.ports.sent.clear();
        f.ports.advance(windowEnd - 1 - f.ports.now());
        assertThat(f.sent(Ping.class)).isEmpty();
        f.ports.advance(1);

        assertThat(f.state(first.target())).isEqualTo(MemberState.SUSPECT);
        assertThat(f.sent(Ping.class)).as("the next probe starts as the window closes").hasSize(1);
        assertThat(f.lastPingAt).isEqualTo(windowEnd);
    }

    @Test
    void when_aStretchedProbeIsAnsweredLate_then_theMissedTickProbesAtOnce() {
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("a", 1, "b"));
        Ping first = f.nextPing();
        f.ports.advance(3 * S / 2);
        f.ports.sent.clear();
        f.a.handle(id(first.target()), new Ack(first.seqNo(), List.of()));

        assertThat(f.a.awarenessScore()).isZero();
        assertThat(f.sent(Ping.class)).hasSize(1);
        assertThat(f.sent(Ping.class).get(0).target()).isNotEqualTo(first.target());
    }

    @Test
    void when_anAnsweredRoundStartsBetweenTicksAndTheNextGoesUnanswered_then_theTickMissedMeanwhileProbesAtItsEnd() {
        // A round started off the tick grid (after a late ack) ends off the grid too; the tick it
        // overlapped must still run as soon as it ends.
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("a", 1, "b")); // awareness 1: the first window is two intervals
        Ping first = f.nextPing();
        long start = f.lastPingAt;
        f.ports.advance(start + 3 * S / 2 - f.ports.now());
        f.a.handle(id(first.target()), new Ack(first.seqNo(), List.of())); // awareness 0 again
        assertThat(f.lastPingAt).as("the missed tick probes at once").isEqualTo(start + 3 * S / 2);
        // This one goes unanswered; its one-interval window spans the tick at start + 2 s.
        f.ports.advance(S - 1);
        long pingsBefore = f.sent(Ping.class).size();
        f.ports.advance(1);

        assertThat(f.sent(Ping.class)).hasSize((int) pingsBefore + 1);
        assertThat(f.lastPingAt).isEqualTo(start + 5 * S / 2);
    }

    @Test
    void when_aWindowEndsBeforeTheProbeTimeout_then_theRoundLeavesNoTimerBehind() {
        // (A probe timeout longer than the interval: the round ends first and must cancel it.)
        MemberFixture f = new MemberFixture(MemberlistConfig.lan().toBuilder()
                .probeTimeout(java.time.Duration.ofMillis(1500)).build(), 5);
        f.nextPing();
        f.ports.advance(f.lastPingAt + S - f.ports.now());
        f.a.shutdown();
        assertThat(f.ports.nextTimerAt()).isEqualTo(-1);
    }

    @Test
    void when_probingAtRandomAndEveryoneElseIsGone_then_nobodyIsProbed() {
        MemberFixture f = new MemberFixture(MemberlistConfig.lan().toBuilder().probeTargets(ProbeTargets.RANDOM).build(), 3);
        f.hear(new Dead("b", 1, "c"), new Dead("c", 1, "c"), new Dead("d", 1, "b"));
        f.ports.sent.clear();
        f.ports.advance(10 * S);
        assertThat(f.sent(Ping.class)).isEmpty();
    }

    @Test
    void when_probingRoundRobin_then_everyMemberIsProbedOncePerRound_andRandomProbingIsUneven() {
        // ProbeTargets: memberlist walks a shuffled list; the SWIM paper picks at random.
        assertThat(probeCounts(ProbeTargets.ROUND_ROBIN, 30).values()).containsOnly(6);
        Map<String, Integer> random = probeCounts(ProbeTargets.RANDOM, 30);
        assertThat(random.keySet()).isSubsetOf(Set.of("b", "c", "d", "e", "f"));
        assertThat(random.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(30);
        assertThat(new TreeSet<>(random.values())).as("random picks are not spread evenly").hasSizeGreaterThan(1);
    }

    private static Map<String, Integer> probeCounts(ProbeTargets mode, int probes) {
        MemberFixture f = new MemberFixture(MemberlistConfig.lan().toBuilder().probeTargets(mode).build(), 5);
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < probes; i++) {
            Ping p = f.nextPing();
            counts.merge(p.target(), 1, Integer::sum);
            f.a.handle(id(p.target()), new Ack(p.seqNo(), List.of()));
        }
        return counts;
    }

    @Test
    void when_membersAreDeadOrLeft_then_neitherProbingModePicksThem() {
        for (ProbeTargets mode : ProbeTargets.values()) {
            MemberFixture f = new MemberFixture(MemberlistConfig.lan().toBuilder().probeTargets(mode).build(), 5);
            f.hear(new Dead("b", 1, "c"), new Dead("c", 1, "c"));
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Ping p = f.nextPing();
                targets.add(p.target());
                f.a.handle(id(p.target()), new Ack(p.seqNo(), List.of()));
            }
            assertThat(targets).as(mode.name()).isSubsetOf("d", "e", "f").contains("d", "e", "f");
        }
    }

    @Test
    void when_relayingWhileOwnProbeIsOut_then_eachAckReachesItsOwnHandler() {
        // Sequence numbers tell our probe's ack from one we relay for another prober.
        MemberFixture f = new MemberFixture();
        Ping own = f.nextPing();
        String helperFor = own.target().equals("c") ? "b" : "c";
        String relayTarget = own.target().equals("d") ? "e" : "d";
        f.a.handle(id(helperFor), new IndirectPing(500, relayTarget, id(relayTarget), true, helperFor, List.of()));
        f.a.handle(id(own.target()), new Ack(own.seqNo(), List.of()));
        f.ports.advance(2 * S);

        assertThat(f.state(own.target())).isEqualTo(MemberState.ALIVE);
        assertThat(f.sentOf(Ack.class)).as("nothing relayed: the relayed target never answered")
                .noneMatch(s -> s.to().equals(id(helperFor)));
        assertThat(f.sentOf(Nack.class)).anySatisfy(s -> assertThat(s.to()).isEqualTo(id(helperFor)));
    }
}
