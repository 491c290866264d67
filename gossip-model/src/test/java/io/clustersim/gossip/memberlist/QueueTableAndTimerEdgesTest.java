package io.clustersim.gossip.memberlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.message.Update;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

/**
 * Edges of the pieces under the memberlist: the broadcast queue's order and byte accounting
 * (memberlist {@code queue.go}), the node table's reset (memberlist {@code state.go resetNodes},
 * {@code util.go shuffleNodes}), the suspicion timer ({@code suspicion.go}) and awareness bounds.
 */
class QueueTableAndTimerEdgesTest {
    private static final long S = 1_000_000_000L;

    private static Suspect suspect(String node) {
        return new Suspect(node, 1, "a");
    }

    // ---- TransmitLimitedQueue ----------------------------------------------------------------

    @Test
    void when_twoUpdatesWereSentEquallyOften_then_theLargerGoesFirst() {
        // queue.go orders by transmits, then by size descending ("largest that still fits").
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 3, 4);
        Suspect small = suspect("x");
        Alive big = new Alive("yyyyyyyy", new NodeId(1, "yyyyyyyy"), 1, new TreeMap<>());
        q.queue(big, big.node(), null);
        q.queue(small, small.node(), null);
        assertThat(q.getBroadcasts(2, big.sizeBytes() + 2)).containsExactly(big);
        // Now the small one has fewer transmits and goes first, although it is smaller.
        assertThat(q.getBroadcasts(2, big.sizeBytes() + 2)).containsExactly(small);
    }

    @Test
    void when_twoUpdatesAreAlike_then_theNewestGoesFirst_untilItHasBeenSentMore() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 3, 4);
        Suspect older = suspect("p");
        Suspect newer = suspect("q");
        q.queue(older, "p", null);
        q.queue(newer, "q", null);
        int one = older.sizeBytes() + 2;
        assertThat(q.getBroadcasts(2, one)).containsExactly(newer);
        assertThat(q.getBroadcasts(2, one)).containsExactly(older);
        assertThat(q.getBroadcasts(2, one)).containsExactly(newer);
    }

    @Test
    void when_theLimitIsExactlyOrJustUnderWhatUpdatesNeed_then_framingIsCountedPerUpdate() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 3, 4);
        Suspect p = suspect("p");
        Suspect r = suspect("r");
        int framed = p.sizeBytes() + 2;
        q.queue(p, "p", null);
        q.queue(r, "r", null);
        assertThat(q.getBroadcasts(2, 2 * framed)).containsExactlyInAnyOrder(p, r);
        assertThat(q.getBroadcasts(2, 2 * framed - 1)).hasSize(1);
        assertThat(q.getBroadcasts(2, framed - 1)).isEmpty();
        assertThat(q.getBroadcasts(2, framed)).hasSize(1);
    }

    @Test
    void when_theClusterGrowsBetweenSends_then_theRetransmitLimitFollowsIt() {
        // The limit RetransmitMult * ceil(log10(n + 1)) is read at every send.
        int[] n = {1};
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> n[0], 4);
        q.queue(suspect("x"), "x", null);
        for (int i = 0; i < 3; i++) {
            assertThat(q.getBroadcasts(2, 1400)).hasSize(1);
        }
        n[0] = 10; // limit 4 -> 8
        int more = 0;
        while (!q.getBroadcasts(2, 1400).isEmpty()) {
            more++;
        }
        assertThat(more).isEqualTo(5);
    }

    @Test
    void when_cleared_then_nothingIsLeftAndNoCallbackRuns() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 3, 4);
        List<String> finished = new ArrayList<>();
        q.queue(suspect("x"), "x", () -> finished.add("x"));
        q.clear();
        assertThat(q.size()).isZero();
        assertThat(q.getBroadcasts(2, 1400)).isEmpty();
        assertThat(finished).isEmpty();
    }

    // ---- NodeTable -----------------------------------------------------------------------------

    private static NodeState member(String name, MemberState state, long stateChange) {
        return new NodeState(name, new NodeId(name.charAt(0) - 'a', name), 1, state, stateChange, Tags.copyOf(Map.of()));
    }

    @Test
    void when_reset_then_onlyMembersGoneForLongerThanGossipToTheDeadTimeAreDropped() {
        // resetNodes: drop dead and left members whose state changed more than GossipToTheDeadTime ago.
        NodeTable t = new NodeTable("a");
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(1, 2);
        t.add(member("a", MemberState.ALIVE, 0), rng);
        t.add(member("b", MemberState.DEAD, 10 * S), rng);
        t.add(member("c", MemberState.LEFT, 10 * S - 1), rng);
        t.add(member("d", MemberState.DEAD, 10 * S - 1), rng);
        t.add(member("e", MemberState.ALIVE, 0), rng);
        t.add(member("f", MemberState.SUSPECT, 0), rng);

        t.resetNodes(40 * S, 30 * S, rng);

        assertThat(t.ordered()).extracting(n -> n.name).containsExactlyInAnyOrder("a", "b", "e", "f");
        assertThat(t.get("c")).isNull();
        assertThat(t.get("d")).isNull();
        assertThat(t.allAliveOrSuspect()).isFalse(); // b is still listed
    }

    @Test
    void when_reset_then_theListIsFisherYatesShuffledWithTheMembersOwnStream() {
        // util.go shuffleNodes: for i from n-1 down to 1, swap i with a uniform j in [0, i].
        NodeTable t = new NodeTable("a");
        UniformRandomProvider adds = new XoRoShiRo128PlusPlus(5, 6);
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            t.add(member(name, MemberState.ALIVE, 0), adds);
        }
        List<String> expected = new ArrayList<>(t.ordered().stream().map(n -> n.name).toList());
        UniformRandomProvider mirror = new XoRoShiRo128PlusPlus(77, 88);
        for (int i = expected.size() - 1; i > 0; i--) {
            Collections.swap(expected, i, mirror.nextInt(i + 1));
        }

        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(77, 88);
        t.resetNodes(0, 30 * S, rng);

        assertThat(t.ordered()).extracting(n -> n.name).containsExactlyElementsOf(expected);
        assertThat(rng.nextLong()).as("no draw more, no draw less").isEqualTo(mirror.nextLong());
    }

    @Test
    void when_nobodyCanBeProbed_then_oneCallWalksTheListOnceWithoutWrapping() {
        // nextProbeTarget checks each listed member at most once per call; a wrap (and the reset
        // that drops the long dead) comes only when the walk runs off the end.
        NodeTable t = new NodeTable("a");
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(1, 2);
        t.add(member("a", MemberState.ALIVE, 0), rng);
        t.add(member("b", MemberState.DEAD, 0), rng);
        t.add(member("c", MemberState.LEFT, 0), rng);

        assertThat(t.nextProbeTarget("a", 100 * S, 0, rng)).isNull();
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.nextProbeTarget("a", 100 * S, 0, rng)).isNull();
        assertThat(t.ordered()).extracting(n -> n.name).containsExactly("a");
    }

    // ---- Suspicion and Awareness ------------------------------------------------------------------

    @Test
    void when_oneConfirmationIsExpected_then_theTimerStillStartsAtMax() {
        // suspicion.go: the timer starts at max whenever k >= 1.
        ManualPorts ports = new ManualPorts(new NodeId(0, "a"), 1);
        int[] fired = {0};
        new Suspicion("b", 1, 4 * S, 24 * S, ports, () -> fired[0]++);
        assertThat(ports.nextTimerAt()).isEqualTo(24 * S);
    }

    @Test
    void when_aConfirmationMovesTheDeadline_then_theOldDeadlineNoLongerFires() {
        ManualPorts ports = new ManualPorts(new NodeId(0, "a"), 1);
        int[] fired = {0};
        Suspicion s = new Suspicion("b", 2, 4 * S, 24 * S, ports, () -> fired[0]++);
        s.confirm("c");
        ports.advance(30 * S);
        assertThat(fired[0]).isEqualTo(1);
    }

    @Test
    void when_cancelled_then_itNeverFires() {
        ManualPorts ports = new ManualPorts(new NodeId(0, "a"), 1);
        int[] fired = {0};
        Suspicion s = new Suspicion("b", 2, 4 * S, 24 * S, ports, () -> fired[0]++);
        s.cancel();
        ports.advance(30 * S);
        assertThat(fired[0]).isZero();
        assertThat(ports.nextTimerAt()).isEqualTo(-1);
    }

    @Test
    void when_theMinimumIsNotAWholeMillisecond_then_theShrunkTimeoutIsStillNeverBelowIt() {
        // remainingSuspicionTime floors to whole milliseconds, then raises the result to min.
        long min = 1_500_000; // 1.5 ms
        assertThat(MemberlistFormulas.remainingSuspicionNanos(2, 2, 0, min, 10_000_000)).isEqualTo(min);
        assertThat(MemberlistFormulas.remainingSuspicionNanos(2, 2, 500_000, min, 10_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void when_awarenessMaxIsBelowOne_then_itIsRefused() {
        assertThatThrownBy(() -> new Awareness(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_theQueueHoldsMixedUpdates_then_everyTakenUpdateCountsOneTransmit() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 1, 1); // limit 1 * ceil(log10 2) = 1
        List<Update> sent = new ArrayList<>();
        q.queue(suspect("x"), "x", null);
        q.queue(suspect("y"), "y", null);
        sent.addAll(q.getBroadcasts(2, 1400));
        assertThat(sent).hasSize(2);
        assertThat(q.size()).isZero();
    }
}
