package io.clustersim.kernel.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.Ping;
import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.RecordingProcess.Received;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution.Constant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's NIC: everything it sends, to anyone, is transmitted one message after another at its bandwidth. */
class NicBandwidthTest {
    private static final long MS = 1_000_000L;
    private static final Placement Z = new Placement("eu", "eu-1", "eu-1a");

    private final World world = new World(3, NetworkConfig.uniform(new Constant(MS)));
    private final List<Received> toB = new ArrayList<>();
    private final List<Received> toC = new ArrayList<>();

    private Node started(String name, List<Received> log) {
        Node n = world.addNode(name, Z, DiskConfig.instant(), () -> new RecordingProcess(log));
        n.start();
        return n;
    }

    @Test
    void when_aNodeSendsToTwoPeers_then_itsNicSerialisesBothStreamsAndCountsItsBusyTime() {
        Node a = started("a", new ArrayList<>());
        Node b = started("b", toB);
        Node c = started("c", toC);
        // 1 MB/s: a 10 kB message takes 10 ms to transmit.
        world.network().setNicBandwidth(a.id(), 1e6);
        RecordingProcess pa = (RecordingProcess) a.process();
        pa.ctx().send(b.id(), new Ping(1, 10_000), Delivery.FIFO);
        pa.ctx().send(c.id(), new Ping(2, 10_000), Delivery.FIFO);
        pa.ctx().send(b.id(), new Ping(3, 10_000), Delivery.FIFO);
        world.simulation().runUntil(100 * MS);
        // Transmitted back to back (10, 20, 30 ms), then 1 ms of latency each.
        assertThat(toB).extracting(Received::time).containsExactly(11 * MS, 31 * MS);
        assertThat(toC).extracting(Received::time).containsExactly(21 * MS);
        assertThat(world.network().nicUtilisation(a.id())).isEqualTo(0.3);
        assertThat(world.network().nicUtilisation(b.id())).as("no limit, no busy time").isZero();
        assertThatThrownBy(() -> world.network().setNicBandwidth(a.id(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_noNicIsLimited_then_messagesLeaveAtOnce() {
        Node a = started("a", new ArrayList<>());
        Node b = started("b", toB);
        RecordingProcess pa = (RecordingProcess) a.process();
        pa.ctx().send(b.id(), new Ping(1, 10_000_000), Delivery.FIFO);
        world.simulation().runUntil(100 * MS);
        assertThat(toB).extracting(Received::time).containsExactly(MS);
    }
}
