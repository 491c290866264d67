package io.clustersim.kernel.network;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Loss on a stream (FIFO, TCP-like) delays by retransmission; on datagrams it drops. */
class StreamLossTest {
    static final long MS = 1_000_000L;

    /** Starts sender "a" and receiver "b" (recording into {@code got}); returns a. */
    static Node pair(World world, List<Received> got) {
        Placement zone = new Placement("r", "d", "z");
        Node a = world.addNode("a", zone, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
        Node b = world.addNode("b", zone, DiskConfig.instant(), () -> new RecordingProcess(got));
        a.start();
        b.start();
        return a;
    }

    @Test
    void when_aStreamLosesPackets_then_messagesArriveLateInOrderAndAreNotLost() {
        World world = new World(3, NetworkConfig.uniform(new Distribution.Constant(MS)).withLoss(0.3));
        List<Received> got = new ArrayList<>();
        Node a = pair(world, got);
        Node b = world.node("b");
        for (int i = 0; i < 1000; i++) {
            int seq = i;
            world.simulation().schedule(i * MS, () -> ((RecordingProcess) a.process()).ctx().send(b.id(), new Ping(seq), Delivery.FIFO));
        }
        world.simulation().runUntilEmpty();
        // Losing the send and all 6 retransmissions has probability 0.3^7 = 0.02%.
        assertThat(got.size()).isBetween(995, 1000);
        assertThat(got).extracting(r -> ((Ping) r.message()).seq()).isSorted();
        // About 30% needed a retransmission: 200 ms later at least, and those behind them wait too.
        assertThat(world.network().stats().retransmitted()).isBetween(250L, 350L);
        assertThat(got.get(got.size() - 1).time()).isGreaterThan(1000 * MS + 200 * MS)
                .isLessThanOrEqualTo(1000 * MS + Network.maxRetransmissionDelayNanos() + MS);
        assertThat(world.network().stats().sent()).isEqualTo(world.network().stats().delivered()
                + world.network().stats().dropped());
    }

    @Test
    void when_everyTryIsLost_then_theStreamGivesUpAndDropsTheMessage() {
        World world = new World(3, NetworkConfig.uniform(new Distribution.Constant(MS)).withLoss(1.0));
        List<Received> got = new ArrayList<>();
        Node a = pair(world, got);
        Node b = world.node("b");
        world.simulation().schedule(MS, () -> ((RecordingProcess) a.process()).ctx().send(b.id(), new Ping(1), Delivery.FIFO));
        world.simulation().runUntilEmpty();
        assertThat(got).isEmpty();
        assertThat(world.network().stats().dropped()).isEqualTo(1);
        assertThat(world.network().stats().retransmitted()).isZero();
        assertThat(Network.maxRetransmissionDelayNanos()).isEqualTo((200 + 400 + 800 + 1600 + 3200 + 6400) * MS);
    }
}
