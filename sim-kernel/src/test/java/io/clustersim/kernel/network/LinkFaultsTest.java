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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkFaultsTest {
    private static final long MS = 1_000_000L;

    private final World world = new World(9, NetworkConfig.uniform(new Distribution.Constant(MS)));
    private final List<Received> toB = new ArrayList<>();
    private final List<Received> toC = new ArrayList<>();
    private final Node a = world.addNode("a", new Placement("r", "dc", "z1"), DiskConfig.instant(),
            () -> new RecordingProcess(new ArrayList<>()));
    private final Node b = world.addNode("b", new Placement("r", "dc", "z1"), DiskConfig.instant(), () -> new RecordingProcess(toB));
    private final Node c = world.addNode("c", new Placement("r", "dc", "z2"), DiskConfig.instant(), () -> new RecordingProcess(toC));

    LinkFaultsTest() {
        a.start();
        b.start();
        c.start();
    }

    private void send(Node to, int seq, Delivery d) {
        ((RecordingProcess) a.process()).ctx().send(to.id(), new Ping(seq), d);
    }

    @Test
    void when_aLinkClassIsDegraded_then_onlyItsLinksGetTheAddedLatency() {
        LinkFaults.Degradation d = world.network().linkFaults().degrade(LinkClass.CROSS_ZONE, 20 * MS, 0, 0, 0);
        send(b, 1, Delivery.FIFO);
        send(c, 2, Delivery.FIFO);
        world.simulation().runUntilEmpty();
        world.network().linkFaults().restore(d);
        send(c, 3, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        assertThat(toB).extracting(Received::time).containsExactly(MS);
        assertThat(toC).extracting(Received::time).containsExactly(21 * MS, 22 * MS);
    }

    @Test
    void when_aNodePairHasJitter_then_delaysSpreadWithinTheJitterBothWays() {
        world.network().linkFaults().degrade(List.of(a.id()), List.of(b.id()), 5 * MS, 10 * MS, 0, 0);
        for (int i = 0; i < 200; i++) {
            send(b, i, Delivery.DATAGRAM);
        }
        world.simulation().runUntilEmpty();

        assertThat(toB).hasSize(200).allSatisfy(r -> assertThat(r.time()).isBetween(6 * MS, 16 * MS - 1));
        long distinct = toB.stream().map(Received::time).distinct().count();
        assertThat(distinct).isGreaterThan(100);
    }

    @Test
    void when_degradationsStack_then_lossCombinesAndStreamsResendInsteadOfLosing() {
        world.network().linkFaults().degrade(LinkClass.SAME_ZONE, 0, 0, 0.5, 0);
        world.network().linkFaults().degrade(List.of(a.id()), List.of(b.id()), 0, 0, 0.5, 0);
        for (int i = 0; i < 1000; i++) {
            send(b, i, Delivery.DATAGRAM);
        }
        send(b, -1, Delivery.FIFO);
        world.simulation().runUntilEmpty();

        // 1 - 0.5 x 0.5 = 0.75 lost: about 250 of 1000 datagrams arrive.
        long datagrams = toB.stream().filter(r -> ((Ping) r.message()).seq() >= 0).count();
        assertThat(datagrams).isBetween(200L, 300L);
        assertThat(world.network().stats().retransmitted()).isLessThanOrEqualTo(1);
    }

    @Test
    void when_aDegradationDuplicates_then_messagesArriveTwice() {
        world.network().linkFaults().degrade(LinkClass.SAME_ZONE, 0, 0, 0, 1);
        send(b, 1, Delivery.DATAGRAM);
        world.simulation().runUntilEmpty();

        assertThat(toB).hasSize(2);
        assertThatThrownBy(() -> world.network().linkFaults().degrade(LinkClass.SAME_ZONE, -1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
