package io.clustersim.kernel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.Ping;
import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.RecordingProcess.Received;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.random.Distribution.Constant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final long MS = 1_000_000L;
    private static final Placement ZONE_A = new Placement("eu", "eu-1", "eu-1a");
    private static final Placement ZONE_B = new Placement("eu", "eu-1", "eu-1b");
    private static final Placement US = new Placement("us", "us-1", "us-1a");

    private final Map<String, List<Received>> logs = new HashMap<>();
    private World world;

    private void world(NetworkConfig config) {
        world = new World(42, config);
    }

    private Node add(String name, Placement placement) {
        List<Received> log = logs.computeIfAbsent(name, n -> new ArrayList<>());
        return world.addNode(name, placement, DiskConfig.instant(), () -> new RecordingProcess(log));
    }

    private Node started(String name, Placement placement) {
        Node n = add(name, placement);
        n.start();
        return n;
    }

    private static NodeContext ctx(Node n) {
        return ((RecordingProcess) n.process()).ctx();
    }

    private List<Received> log(Node n) {
        return logs.get(n.name());
    }

    private List<Integer> seqs(Node n) {
        return log(n).stream().map(r -> ((Ping) r.message()).seq()).toList();
    }

    private void send(Node from, Node to, int seq, Delivery delivery) {
        ctx(from).send(to.id(), new Ping(seq), delivery);
    }

    /** Sends {@code count} pings from {@code from} to {@code to}, one every {@code gap} ns, from now on. */
    private void sendSpaced(Node from, Node to, int count, long gap, Delivery delivery) {
        for (int i = 0; i < count; i++) {
            int seq = i;
            world.simulation().schedule(i * gap, () -> send(from, to, seq, delivery));
        }
    }

    private static NetworkConfig perClass(double sameZone, double crossZone, double crossRegion, List<LatencyOverride> overrides) {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        m.put(LinkClass.SAME_ZONE, LinkProfile.of(new Constant(sameZone)));
        m.put(LinkClass.CROSS_ZONE, LinkProfile.of(new Constant(crossZone)));
        m.put(LinkClass.CROSS_REGION, LinkProfile.of(new Constant(crossRegion)));
        return new NetworkConfig(m, overrides, 0, 0);
    }

    private void assertBalanced() {
        NetworkStats s = world.network().stats();
        assertThat(world.simulation().pendingEvents()).as("nothing in flight").isZero();
        assertThat(s.sent()).as("sent = delivered + dropped").isEqualTo(s.delivered() + s.dropped());
        assertThat(s.delivered()).isEqualTo(logs.values().stream().mapToLong(List::size).sum());
    }

    @Test
    void when_nodesInSameZoneOtherZoneAndOtherRegion_then_eachLinkClassHasItsOwnLatency() {
        world(perClass(1 * MS, 5 * MS, 50 * MS, List.of()));
        Node a = started("a", ZONE_A);
        Node sameZone = started("same-zone", ZONE_A);
        Node otherZone = started("other-zone", ZONE_B);
        Node otherRegion = started("other-region", US);

        send(a, sameZone, 1, Delivery.FIFO);
        send(a, otherZone, 2, Delivery.FIFO);
        send(a, otherRegion, 3, Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        assertThat(log(sameZone)).containsExactly(new Received(1 * MS, a.id(), new Ping(1)));
        assertThat(log(otherZone)).containsExactly(new Received(5 * MS, a.id(), new Ping(2)));
        assertThat(log(otherRegion)).containsExactly(new Received(50 * MS, a.id(), new Ping(3)));
    }

    @Test
    void when_sameZoneNameInAnotherDatacenter_then_linkIsCrossZone() {
        assertThat(ZONE_A.linkClassTo(new Placement("eu", "eu-2", "eu-1a"))).isEqualTo(LinkClass.CROSS_ZONE);
        assertThat(ZONE_A.linkClassTo(ZONE_A)).isEqualTo(LinkClass.SAME_ZONE);
        assertThat(ZONE_A.linkClassTo(US)).isEqualTo(LinkClass.CROSS_REGION);
    }

    @Test
    void when_pairOverrideMatches_then_itWinsOverTheLinkClassInBothDirections() {
        LatencyOverride pair = new LatencyOverride("a", "far", LinkProfile.of(new Constant(7 * MS)));
        LatencyOverride regions = new LatencyOverride("eu", "us", LinkProfile.of(new Constant(80 * MS)));
        world(perClass(1 * MS, 5 * MS, 50 * MS, List.of(pair, regions)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_B);
        Node far = started("far", US);

        send(a, far, 1, Delivery.FIFO);
        send(far, a, 2, Delivery.FIFO);
        send(b, far, 3, Delivery.FIFO);
        send(far, b, 4, Delivery.FIFO);
        send(a, b, 5, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(log(far)).extracting(Received::time).containsExactly(7 * MS, 80 * MS);
        assertThat(log(a)).extracting(Received::time).containsExactly(7 * MS);
        assertThat(log(b)).extracting(Received::time).containsExactly(5 * MS, 80 * MS);
    }

    @Test
    void when_latencyRandomAndDeliveryFifo_then_messagesArriveInSendingOrder() {
        world(NetworkConfig.uniform(new Distribution.Uniform(1 * MS, 50 * MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        sendSpaced(a, b, 2_000, MS / 10, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(seqs(b)).hasSize(2_000).isSorted();
        assertThat(log(b)).extracting(Received::time).isSorted();
    }

    @Test
    void when_latencyRandomAndDeliveryDatagram_then_someMessagesOvertakeEarlierOnes() {
        world(NetworkConfig.uniform(new Distribution.Uniform(1 * MS, 50 * MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        sendSpaced(a, b, 2_000, MS / 10, Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        List<Integer> got = seqs(b);
        assertThat(got).hasSize(2_000).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 2_000).boxed().toList());
        long overtaken = 0;
        for (int i = 1; i < got.size(); i++) {
            if (got.get(i) < got.get(i - 1)) {
                overtaken++;
            }
        }
        assertThat(overtaken).isGreaterThan(100);
    }

    @Test
    void when_lossProbabilityIsOneFifth_then_aboutOneFifthOfMessagesAreDropped() {
        world(NetworkConfig.uniform(new Constant(MS)).withLoss(0.2));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        sendSpaced(a, b, 5_000, 10_000, Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        NetworkStats s = world.network().stats();
        double lost = 1 - log(b).size() / 5_000.0;
        // Binomial standard deviation is 0.0057; allow about four.
        assertThat(lost).isBetween(0.177, 0.223);
        assertThat(s.dropped()).isEqualTo(5_000 - log(b).size());
        assertBalanced();
    }

    @Test
    void when_duplicationProbabilityIsThreeTenths_then_aboutThatShareArrivesTwice() {
        world(NetworkConfig.uniform(new Distribution.Uniform(MS, 3 * MS)).withDuplication(0.3));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        sendSpaced(a, b, 2_000, 10_000, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        NetworkStats s = world.network().stats();
        Map<Integer, Integer> copies = new HashMap<>();
        seqs(b).forEach(q -> copies.merge(q, 1, Integer::sum));
        long twice = copies.values().stream().filter(c -> c == 2).count();
        assertThat(copies).hasSize(2_000);
        assertThat(copies.values()).allMatch(c -> c <= 2);
        assertThat(twice).isEqualTo(s.duplicated()).isBetween(520L, 680L);
        assertThat(seqs(b)).as("a FIFO duplicate still keeps the order").isSorted();
        assertThat(s.sent()).isEqualTo(2_000 + s.duplicated());
        assertBalanced();
    }

    @Test
    void when_symmetricPartition_then_neitherSideHearsTheOtherButEachSideHearsItself() {
        world(NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);
        Node c = started("c", ZONE_A);
        world.network().partitions().split(List.of(a.id()), List.of(b.id(), c.id()));

        send(a, b, 1, Delivery.FIFO);
        send(b, a, 2, Delivery.FIFO);
        send(c, a, 3, Delivery.DATAGRAM);
        send(b, c, 4, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(log(a)).isEmpty();
        assertThat(seqs(b)).isEmpty();
        assertThat(seqs(c)).containsExactly(4);
        assertThat(world.network().stats().dropped()).isEqualTo(3);
        assertBalanced();
    }

    @Test
    void when_oneWayPartition_then_onlyThatDirectionIsBlocked() {
        world(NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);
        world.network().partitions().oneWay(List.of(a.id()), List.of(b.id()));

        send(a, b, 1, Delivery.FIFO);
        send(b, a, 2, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(seqs(b)).isEmpty();
        assertThat(seqs(a)).containsExactly(2);
    }

    @Test
    void when_partitionHealed_then_messagesFlowAgainWhileOtherPartitionsStay() {
        world(NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);
        Node c = started("c", ZONE_A);
        Partitions p = world.network().partitions();
        Partitions.Cut ab = p.split(List.of(a.id()), List.of(b.id()));
        p.oneWay(List.of(a.id()), List.of(c.id()));

        send(a, b, 1, Delivery.FIFO);
        p.heal(ab);
        send(a, b, 2, Delivery.FIFO);
        send(b, a, 3, Delivery.FIFO);
        send(a, c, 4, Delivery.FIFO);
        world.simulation().runUntilEmpty();
        assertThat(seqs(b)).containsExactly(2);
        assertThat(seqs(a)).containsExactly(3);
        assertThat(seqs(c)).isEmpty();

        p.healAll();
        assertThat(p.isEmpty()).isTrue();
        send(a, c, 5, Delivery.FIFO);
        world.simulation().runUntilEmpty();
        assertThat(seqs(c)).containsExactly(5);
    }

    @Test
    void when_partitionStartsWhileMessageInFlight_then_itIsDroppedOnArrival() {
        world(NetworkConfig.uniform(new Constant(10 * MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        send(a, b, 1, Delivery.FIFO);
        world.simulation().runUntil(5 * MS);
        world.network().partitions().split(List.of(a.id()), List.of(b.id()));
        world.simulation().runUntilEmpty();

        assertThat(log(b)).isEmpty();
        assertThat(world.network().stats().dropped()).isEqualTo(1);
        assertBalanced();
    }

    @Test
    void when_destinationIsDown_then_messageIsDroppedAndCounted() {
        world(NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a", ZONE_A);
        Node neverStarted = add("never", ZONE_A);
        Node crashed = started("crashed", ZONE_A);
        crashed.crash();

        send(a, neverStarted, 1, Delivery.FIFO);
        send(a, crashed, 2, Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        assertThat(log(neverStarted)).isEmpty();
        assertThat(log(crashed)).isEmpty();
        NetworkStats s = world.network().stats();
        assertThat(s.sent()).isEqualTo(2);
        assertThat(s.dropped()).isEqualTo(2);
        assertThat(world.trace().tail()).filteredOn(l -> l.contains("DROP")).hasSize(2).allMatch(l -> l.endsWith("down"));
    }

    @Test
    void when_destinationCrashesAndRestartsWhileMessageInFlight_then_messageIsDropped() {
        world(NetworkConfig.uniform(new Constant(10 * MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        send(a, b, 1, Delivery.FIFO);
        send(a, b, 2, Delivery.DATAGRAM);
        world.simulation().runUntil(5 * MS);
        b.crash();
        world.simulation().runUntil(6 * MS);
        b.start();
        send(a, b, 3, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(log(b)).containsExactly(new Received(16 * MS, a.id(), new Ping(3)));
        assertThat(world.network().stats().dropped()).isEqualTo(2);
        assertBalanced();
    }

    @Test
    void when_messageArrivesAtPausedNode_then_itIsDeliveredAtResume() {
        world(NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);
        b.pause();

        send(a, b, 1, Delivery.FIFO);
        world.simulation().runUntil(10 * MS);
        assertThat(log(b)).isEmpty();
        b.resume();
        world.simulation().runUntilEmpty();

        assertThat(log(b)).containsExactly(new Received(10 * MS, a.id(), new Ping(1)));
        assertBalanced();
    }

    @Test
    void when_pausedNodeWithHeldMessagesCrashes_then_heldMessagesCountAsDropped() {
        world(NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);
        b.pause();

        send(a, b, 1, Delivery.FIFO);
        send(a, b, 2, Delivery.DATAGRAM);
        world.simulation().runUntil(5 * MS);
        b.crash();
        b.start();
        world.simulation().runUntilEmpty();

        assertThat(log(b)).isEmpty();
        assertThat(world.network().stats().dropped()).isEqualTo(2);
        assertBalanced();
    }

    @Test
    void when_linkHasBandwidth_then_bigMessageTakesSizeOverBandwidthAndTheNextQueuesBehindIt() {
        LinkProfile slow = new LinkProfile(new Constant(MS), 1_000_000); // 1 MB/s: 1 byte per microsecond
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        for (LinkClass c : LinkClass.values()) {
            m.put(c, slow);
        }
        world(new NetworkConfig(m, List.of(), 0, 0));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        ctx(a).send(b.id(), new Ping(1, 100_000), Delivery.FIFO);
        ctx(a).send(b.id(), new Ping(2, 128), Delivery.DATAGRAM);
        ctx(b).send(a.id(), new Ping(3, 128), Delivery.FIFO);
        world.simulation().schedule(200 * MS, () -> ctx(a).send(b.id(), new Ping(4, 1_000), Delivery.FIFO));
        world.simulation().runUntilEmpty();

        assertThat(log(b)).extracting(Received::time).containsExactly(101 * MS, 101 * MS + 128_000, 202 * MS);
        assertThat(log(a)).as("the reverse direction has a link of its own")
                .extracting(Received::time).containsExactly(MS + 128_000);
    }

    @Test
    void when_networkReconfigured_then_newMessagesUseNewLatencyAndInFlightOnesKeepTheirs() {
        world(NetworkConfig.uniform(new Constant(10 * MS)));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        send(a, b, 1, Delivery.DATAGRAM);
        world.network().reconfigure(NetworkConfig.uniform(new Constant(2 * MS)));
        send(a, b, 2, Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        assertThat(log(b)).extracting(Received::time).containsExactly(2 * MS, 10 * MS);
        assertThat(seqs(b)).containsExactly(2, 1);
        assertThat(world.network().config().linkClasses().get(LinkClass.SAME_ZONE).latencyNanos()).isEqualTo(new Constant(2 * MS));
    }

    @Test
    void when_runMixesLossPartitionsCrashesAndPauses_then_sentEqualsDeliveredPlusDroppedAtTheEnd() {
        world(NetworkConfig.uniform(new Distribution.Uniform(MS, 20 * MS)).withLoss(0.1).withDuplication(0.05));
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(started("n" + i, i % 2 == 0 ? ZONE_A : ZONE_B));
        }
        UniformRandomProvider r = world.streams().stream("test").rng();
        for (int i = 0; i < 3_000; i++) {
            Node from = nodes.get(r.nextInt(5));
            Node to = nodes.get(r.nextInt(5));
            Delivery d = r.nextBoolean() ? Delivery.FIFO : Delivery.DATAGRAM;
            int seq = i;
            world.simulation().schedule(r.nextLong(2_000 * MS), () -> {
                if (from.isUp()) {
                    send(from, to, seq, d);
                }
            });
        }
        Partitions p = world.network().partitions();
        world.simulation().schedule(500 * MS, () -> p.split(List.of(nodes.get(0).id()), List.of(nodes.get(1).id(), nodes.get(2).id())));
        world.simulation().schedule(1_000 * MS, p::healAll);
        world.simulation().schedule(700 * MS, nodes.get(3)::crash);
        world.simulation().schedule(900 * MS, nodes.get(3)::start);
        world.simulation().schedule(1_200 * MS, nodes.get(4)::pause);
        world.simulation().schedule(1_300 * MS, nodes.get(3)::pause);
        world.simulation().schedule(1_350 * MS, nodes.get(3)::crash);
        world.simulation().schedule(1_500 * MS, nodes.get(4)::resume);
        world.simulation().runUntilEmpty();

        NetworkStats s = world.network().stats();
        assertThat(s.sent()).isGreaterThan(2_500);
        assertThat(s.dropped()).isGreaterThan(300);
        assertBalanced();
    }

    @Test
    void when_configProbabilitiesOutOfRangeOrLinkClassMissing_then_configIsRejected() {
        NetworkConfig ok = NetworkConfig.uniform(new Constant(MS));

        assertThatThrownBy(() -> ok.withLoss(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withLoss(1.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withLoss(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withDuplication(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkConfig(Map.of(LinkClass.SAME_ZONE, LinkProfile.of(new Constant(1))), List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkProfile(new Constant(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_allMessagesLost_then_nothingArrives() {
        world(NetworkConfig.uniform(new Constant(MS)).withLoss(1.0));
        Node a = started("a", ZONE_A);
        Node b = started("b", ZONE_A);

        sendSpaced(a, b, 100, MS, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(log(b)).isEmpty();
        assertThat(world.network().stats().dropped()).isEqualTo(100);
    }

    @Test
    void when_sameSeedAndRandomLatency_then_arrivalTimesAreIdenticalAcrossRuns() {
        Set<List<Received>> runs = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            logs.clear();
            world(NetworkConfig.uniform(new Distribution.Exponential(5 * MS)).withLoss(0.1));
            Node a = started("a", ZONE_A);
            Node b = started("b", ZONE_A);
            sendSpaced(a, b, 200, MS, Delivery.DATAGRAM);
            world.simulation().runUntilEmpty();
            runs.add(List.copyOf(log(b)));
        }

        assertThat(runs).hasSize(1);
    }
}
