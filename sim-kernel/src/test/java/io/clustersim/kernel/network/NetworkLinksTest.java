package io.clustersim.kernel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.Ping;
import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.RecordingProcess.Received;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.random.Distribution.Constant;
import io.clustersim.kernel.random.Sampler;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-link state the network keeps (its random stream, its bandwidth queue, its FIFO
 * horizon) and the edges of the configuration, partition and fault APIs that {@link NetworkTest}
 * does not reach.
 */
class NetworkLinksTest {
    private static final long MS = 1_000_000L;
    private static final Placement Z = new Placement("eu", "eu-1", "eu-1a");

    private final Map<String, List<Received>> logs = new HashMap<>();
    private World world;

    /** A message that keeps the interface's default wire size. */
    record Plain(int seq) implements Message {}

    private Node started(String name) {
        List<Received> log = logs.computeIfAbsent(name, n -> new ArrayList<>());
        Node n = world.addNode(name, Z, DiskConfig.instant(), () -> new RecordingProcess(log));
        n.start();
        return n;
    }

    private static void send(Node from, Node to, Message m, Delivery d) {
        ((RecordingProcess) from.process()).ctx().send(to.id(), m, d);
    }

    private static NetworkConfig everywhere(LinkProfile p) {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        for (LinkClass c : LinkClass.values()) {
            m.put(c, p);
        }
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    @Test
    void when_lossAndDuplicationAreOff_then_eachLatencyIsTheNextDrawOfTheLinksOwnStream() {
        // Network's class comment: each directed link draws from its own stream net/<from>/<to>.
        // With loss and duplication at 0 nothing but the latency may consume that stream, or a
        // scenario without loss would get different latencies from one with loss 0 spelled out.
        Distribution latency = new Distribution.Uniform(MS, 50 * MS);
        world = new World(42, NetworkConfig.uniform(latency));
        Node a = started("a");
        Node b = started("b");
        for (int i = 0; i < 30; i++) {
            send(a, b, new Ping(i), Delivery.DATAGRAM);
        }
        world.simulation().runUntilEmpty();

        Sampler expected = latency.sampler(world.streams().stream("net").stream("a").stream("b").rng());
        Map<Integer, Long> arrival = new HashMap<>();
        logs.get("b").forEach(r -> arrival.put(((Ping) r.message()).seq(), r.time()));
        assertThat(arrival).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(arrival.get(i)).as("message %d", i).isEqualTo(expected.sampleNanos());
        }
    }

    @Test
    void when_aNodeJoinsAfterASenderHasLinks_then_theSendersExistingLinksKeepTheirQueues() {
        // The link table grows as nodes are added; a link that already exists must keep its
        // bandwidth queue (and FIFO horizon) when the sender's row is widened for the newcomer.
        world = new World(1, everywhere(new LinkProfile(new Constant(MS), 1_000_000))); // 1 byte per us
        Node a = started("a");
        Node b = started("b");
        send(a, b, new Ping(1, 100_000), Delivery.FIFO); // busy until 100 ms
        Node c = started("c");
        send(a, c, new Ping(2, 1_000), Delivery.FIFO);
        send(a, b, new Ping(3, 1_000), Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(logs.get("b")).extracting(Received::time).containsExactly(101 * MS, 102 * MS);
        assertThat(logs.get("c")).extracting(Received::time).as("a new link starts idle").containsExactly(2 * MS);
    }

    @Test
    void when_aMessageKeepsTheDefaultSize_then_itSerialisesAs128Bytes() {
        // Message.sizeBytes: 128 bytes unless the type says otherwise.
        world = new World(1, everywhere(new LinkProfile(new Constant(MS), 1_000_000)));
        Node a = started("a");
        Node b = started("b");
        send(a, b, new Plain(1), Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        assertThat(new Plain(1).sizeBytes()).isEqualTo(128);
        assertThat(logs.get("b")).extracting(Received::time).containsExactly(MS + 128_000);
    }

    @Test
    void when_theDestinationIsDownAtSending_then_theMessageIsDroppedAtOnceAndNeverReachesALaterIncarnation() {
        world = new World(1, NetworkConfig.uniform(new Constant(10 * MS)));
        List<String> drops = new ArrayList<>();
        world.trace().addSink((t, kind, src, dst, type, detail) -> {
            if (kind == TraceKind.DROP) {
                drops.add(t / MS + "ms " + dst + " " + detail);
            }
        });
        Node a = started("a");
        Node b = started("b");
        b.crash();
        world.simulation().runUntil(5 * MS);

        send(a, b, new Ping(1), Delivery.FIFO);
        assertThat(world.simulation().pendingEvents()).as("nothing travels to a dead node").isZero();
        assertThat(drops).containsExactly("5ms b down");

        b.start();
        world.simulation().runUntilEmpty();
        assertThat(logs.get("b")).isEmpty();
        assertThat(world.network().stats().dropped()).isEqualTo(1);
    }

    @Test
    void when_twoFaultsAndOneIsRemoved_then_theOtherStillApplies() {
        world = new World(1, NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a");
        Node b = started("b");
        MessageFaults faults = world.network().messageFaults();
        assertThat(faults.isEmpty()).isTrue();
        MessageFaults.Rule delay = faults.delay(List.of(a.id()), List.of(b.id()), "Ping", 20 * MS);
        MessageFaults.Rule drop = faults.drop(List.of(a.id()), List.of(b.id()), "Plain");
        assertThat(faults.isEmpty()).isFalse();

        faults.remove(delay);
        assertThat(faults.isEmpty()).isFalse();
        send(a, b, new Ping(1), Delivery.DATAGRAM);
        send(a, b, new Plain(2), Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();
        assertThat(logs.get("b")).containsExactly(new Received(MS, a.id(), new Ping(1)));

        faults.remove(drop);
        assertThat(faults.isEmpty()).isTrue();
        send(a, b, new Plain(3), Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();
        assertThat(logs.get("b")).extracting(Received::message).containsExactly(new Ping(1), new Plain(3));
    }

    @Test
    void when_aDelayAndADropBothMatch_then_theEarlierFaultDecides() {
        // MessageFaults: "The first matching fault decides."
        world = new World(1, NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a");
        Node b = started("b");
        MessageFaults faults = world.network().messageFaults();
        faults.delay(List.of(a.id()), List.of(b.id()), "Ping", 20 * MS);
        faults.drop(List.of(a.id()), List.of(b.id()), "Ping");
        send(a, b, new Ping(1), Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        assertThat(logs.get("b")).containsExactly(new Received(21 * MS, a.id(), new Ping(1)));
    }

    @Test
    void when_aOneWayCutIsHealed_then_thatDirectionWorksAgain() {
        world = new World(1, NetworkConfig.uniform(new Constant(MS)));
        Node a = started("a");
        Node b = started("b");
        Partitions p = world.network().partitions();
        assertThat(p.isEmpty()).isTrue();
        Partitions.Cut cut = p.oneWay(List.of(a.id()), List.of(b.id()));
        assertThat(p.isEmpty()).isFalse();
        assertThat(p.blocked(a.id(), b.id())).isTrue();
        assertThat(p.blocked(b.id(), a.id())).isFalse();

        p.heal(cut);
        assertThat(p.isEmpty()).isTrue();
        send(a, b, new Ping(1), Delivery.FIFO);
        world.simulation().runUntilEmpty();
        assertThat(logs.get("b")).hasSize(1);
    }

    @Test
    void when_probabilitiesAreAtTheEndsOfTheirRange_then_theyAreAcceptedAndOutsideThemRefused() {
        NetworkConfig ok = NetworkConfig.uniform(new Constant(MS));

        assertThat(ok.withLoss(1.0).lossProbability()).isEqualTo(1.0);
        assertThat(ok.withDuplication(1.0).duplicationProbability()).isEqualTo(1.0);
        assertThat(ok.withLoss(0).withDuplication(0).duplicationProbability()).isZero();
        assertThatThrownBy(() -> ok.withDuplication(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withDuplication(1.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_duplicationIsCertain_then_everyMessageArrivesTwiceAndBothCopiesCount() {
        world = new World(1, NetworkConfig.uniform(new Constant(MS)).withDuplication(1.0));
        Node a = started("a");
        Node b = started("b");
        send(a, b, new Ping(1), Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(logs.get("b")).extracting(Received::message).containsExactly(new Ping(1), new Ping(1));
        NetworkStats s = world.network().stats();
        assertThat(s.sent()).isEqualTo(2);
        assertThat(s.duplicated()).isEqualTo(1);
        assertThat(s.delivered()).isEqualTo(2);
    }

    @Test
    void when_placementPrinted_then_itReadsRegionDatacenterZone() {
        assertThat(Z).hasToString("eu/eu-1/eu-1a");
        assertThat(Z.isIn("eu-1")).isTrue();
        assertThat(Z.isIn("eu-1b")).isFalse();
    }
}
