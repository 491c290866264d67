package io.clustersim.gossip.memberlist;

import static io.clustersim.gossip.memberlist.MemberFixture.MS;
import static io.clustersim.gossip.memberlist.MemberFixture.S;
import static io.clustersim.gossip.memberlist.MemberFixture.alive;
import static io.clustersim.gossip.memberlist.MemberFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.IndirectPing;
import io.clustersim.gossip.message.JoinIntent;
import io.clustersim.gossip.message.Packet;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Dissemination (memberlist {@code state.go gossip}, {@code net.go sendMsg},
 * {@code broadcast.go getBroadcasts}): who gets gossip, how much fits in one packet, and how the
 * upper layer's broadcasts share the space.
 */
class DisseminationTest {
    private static final long GOSSIP_INTERVAL = MemberlistConfig.lan().gossipInterval().toNanos();
    private static final long TO_THE_DEAD = MemberlistConfig.lan().gossipToTheDeadTime().toNanos();

    private static Set<String> gossipTargets(MemberFixture f, long from, long to) {
        return f.timedSends.stream().filter(s -> s.message() instanceof Gossip && s.time() >= from && s.time() < to)
                .map(MemberFixture.TimedSend::to).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Keeps news flowing: a fresh alive about e before every gossip round, for {@code nanos}. */
    private static void gossipFor(MemberFixture f, long nanos, long[] incarnation) {
        long end = f.ports.now() + nanos;
        while (f.ports.now() < end) {
            f.hear(alive("e", ++incarnation[0]));
            f.ports.advance(Math.min(GOSSIP_INTERVAL / 2, end - f.ports.now()));
        }
    }

    @Test
    void when_gossiping_then_targetsAreLiveOrRecentlyDeadButNeverSelfOrLeftOrLongDead() {
        // memberlist gossip: kRandomNodes over members alive, suspect, or dead for no longer than
        // GossipToTheDeadTime (so the dead can still hear and refute); left members never.
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder(), null);
        f.hear(new Dead("c", 1, "c"), new Dead("d", 1, "b"));
        long died = f.ports.now();
        long[] inc = {1};
        gossipFor(f, TO_THE_DEAD - S, inc);
        f.ports.advance(2 * S);
        gossipFor(f, 30 * S, inc);

        Set<String> early = gossipTargets(f, died, died + TO_THE_DEAD - S);
        Set<String> late = gossipTargets(f, died + TO_THE_DEAD + S, Long.MAX_VALUE);
        assertThat(early).containsExactlyInAnyOrder("b", "d", "e", "f");
        assertThat(late).containsExactlyInAnyOrder("b", "e", "f");
    }

    @Test
    void when_deadForExactlyGossipToTheDeadTime_then_itIsStillGossipedTo_andNotOneRoundLater() {
        // The cut-off is strict (time since the state change > GossipToTheDeadTime excludes).
        // With GossipNodes 4 and exactly four eligible members (c has left), each round reaches
        // all of them.
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder().gossipNodes(4), null);
        f.hear(new Dead("c", 1, "c"));
        long[] inc = {1};
        gossipFor(f, S, inc);
        long tick = f.timedSends.stream().filter(s -> s.message() instanceof Gossip).mapToLong(MemberFixture.TimedSend::time)
                .max().orElseThrow();
        // Step to the next round's instant; the member dies right after that round.
        f.ports.advance(tick + GOSSIP_INTERVAL - f.ports.now());
        f.hear(new Dead("d", 1, "b"));
        long died = f.ports.now();
        gossipFor(f, TO_THE_DEAD + GOSSIP_INTERVAL + MS, inc);

        assertThat(gossipTargets(f, died + TO_THE_DEAD, died + TO_THE_DEAD + 1)).contains("d");
        assertThat(gossipTargets(f, died + TO_THE_DEAD + GOSSIP_INTERVAL, died + TO_THE_DEAD + GOSSIP_INTERVAL + 1))
                .isNotEmpty().doesNotContain("d");
    }

    /** 40 new members with names of 1..40 characters: alive messages of 27..66 bytes, one of each. */
    private static List<Alive> fill(MemberFixture f) {
        assertThat(f.a.pendingBroadcasts()).isZero();
        List<Alive> queued = new ArrayList<>();
        for (int len = 1; len <= 40; len++) {
            Alive news = alive("n" + "x".repeat(len - 1), 1);
            queued.add(news);
            f.hear(news);
        }
        return queued;
    }

    /**
     * A packet with a {@code header}-byte body: framed updates plus the compound header fit in the
     * UDP buffer, and none of the updates left behind would still have fitted.
     */
    private static void assertFilled(Packet p, int header, int udp, List<Alive> queued) {
        int used = header + 2;
        for (Update u : p.updates()) {
            used += 2 + u.sizeBytes();
        }
        assertThat(used).as("bytes of %s", p.getClass().getSimpleName()).isLessThanOrEqualTo(udp);
        int free = udp - used;
        for (Alive left : queued) {
            if (!p.updates().contains(left)) {
                assertThat(2 + left.sizeBytes()).as("%s would have fitted", left.node()).isGreaterThan(free);
            }
        }
    }

    @Test
    void when_manyUpdatesWait_then_anAckCarriesAsManyAsFitAfterItsOwnBody() {
        // net.go sendMsg: bytesAvail = UDPBufferSize - len(msg) - compoundHeaderOverhead.
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder(), null);
        List<Alive> queued = fill(f);
        f.a.handle(id("b"), new Ping(4, "a", "b", List.of()));
        Ack ack = f.sent(Ack.class).get(0);
        assertThat(ack.updates()).isNotEmpty();
        assertFilled(ack, ack.headerBytes(), 1400, queued);
    }

    @Test
    void when_manyUpdatesWait_then_aRelayedPingCarriesAsManyAsFitAfterItsOwnBody() {
        // (A buffer of 1412 bytes makes the greedy fill end within a few bytes of the limit.)
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder().udpBufferSize(1412), null);
        List<Alive> queued = fill(f);
        f.a.handle(id("c"), new IndirectPing(9, "d", id("d"), true, "c", List.of()));
        Ping ping = f.sent(Ping.class).get(0);
        assertThat(ping.updates()).isNotEmpty();
        assertFilled(ping, ping.headerBytes(), 1412, queued);
    }

    @Test
    void when_manyUpdatesWait_then_eachGossipPacketCarriesAsManyAsFit() {
        // memberlist gossip: bytesAvail = UDPBufferSize - compoundHeaderOverhead.
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder(), null);
        List<Alive> queued = fill(f);
        f.ports.advance(GOSSIP_INTERVAL);
        Gossip first = f.sent(Gossip.class).get(0);
        assertFilled(first, 0, 1400, queued);
        assertThat(f.sent(Gossip.class)).allSatisfy(g -> assertThat(2 + g.updates().stream()
                .mapToInt(u -> 2 + u.sizeBytes()).sum()).isLessThanOrEqualTo(1400));
    }

    @Test
    void when_memberlistHasNewsOfItsOwn_then_theUpperLayerGetsTheSpaceLeft() {
        // getBroadcasts: memberlist's own broadcasts first, the delegate's in what remains.
        List<Integer> offered = new ArrayList<>();
        MemberlistDelegate upper = new MemberlistDelegate() {
            @Override
            public List<Update> getBroadcasts(int overhead, int limit) {
                offered.add(overhead * 100_000 + limit);
                return List.of();
            }
        };
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder(), upper);
        offered.clear();
        Alive news = alive("b", 2);
        f.hear(news);
        f.ports.advance(GOSSIP_INTERVAL);

        int limit = 1400 - 2;
        assertThat(offered).first().isEqualTo(2 * 100_000 + limit - (2 + news.sizeBytes()));
    }

    @Test
    void when_onlyTheUpperLayerHasNews_then_itIsGossipedEvenWithAnIdleMemberlist() {
        // MemberlistDelegate.mayHaveBroadcasts defaults to true: a delegate that only supplies
        // broadcasts must still get them sent.
        List<Update> pending = new ArrayList<>();
        MemberlistDelegate upper = new MemberlistDelegate() {
            @Override
            public List<Update> getBroadcasts(int overhead, int limit) {
                List<Update> out = List.copyOf(pending);
                pending.clear();
                return out;
            }
        };
        MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder(), upper);
        pending.add(new JoinIntent("x", 7));
        f.ports.advance(GOSSIP_INTERVAL);

        assertThat(f.sent(Gossip.class)).singleElement()
                .satisfies(g -> assertThat(g.updates()).containsExactly(new JoinIntent("x", 7)));
    }

    @Test
    void when_nothingIsToBeSent_then_theIdleShortcutDrawsTheSameRandomNumbersAsAFullRound() {
        // Gossiper.tick: with nothing to send, the targets are only drawn, never used; the
        // shortcut must leave the member's random stream where a full round would, so a member
        // whose upper layer says it has nothing behaves exactly like one that does not say.
        MemberlistDelegate idle = new MemberlistDelegate() {
            @Override
            public boolean mayHaveBroadcasts() {
                return false;
            }
        };
        MemberlistDelegate unsure = new MemberlistDelegate() {};
        MemberFixture withShortcut = new MemberFixture(MemberlistConfig.lan(), 5, 7, idle);
        MemberFixture withoutShortcut = new MemberFixture(MemberlistConfig.lan(), 5, 7, unsure);
        for (MemberFixture f : List.of(withShortcut, withoutShortcut)) {
            for (int i = 0; i < 20; i++) {
                Ping p = f.nextPing();
                f.a.handle(id(p.target()), new Ack(p.seqNo(), List.of()));
            }
        }
        assertThat(withShortcut.timedSends).isNotEmpty().isEqualTo(withoutShortcut.timedSends);
    }
}
