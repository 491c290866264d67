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
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFaultsTest {
    private static final long MS = 1_000_000L;
    private static final Placement Z = new Placement("r", "dc", "z");

    /** A message with a finer kind, as AppendEntries declares AppendEntries:entries. */
    record Batch(int items) implements Message {
        @Override
        public boolean isKind(String kind) {
            return Message.super.isKind(kind) || kind.equals(items > 0 ? "Batch:items" : "Batch:empty");
        }
    }

    private final World world = new World(7, NetworkConfig.uniform(new Distribution.Constant(MS)));
    private final List<Received> toB = new ArrayList<>();
    private final List<Received> toC = new ArrayList<>();
    private final Node a = world.addNode("a", Z, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
    private final Node b = world.addNode("b", Z, DiskConfig.instant(), () -> new RecordingProcess(toB));
    private final Node c = world.addNode("c", Z, DiskConfig.instant(), () -> new RecordingProcess(toC));

    MessageFaultsTest() {
        a.start();
        b.start();
        c.start();
    }

    private void send(Node to, Message m, Delivery d) {
        ((RecordingProcess) a.process()).ctx().send(to.id(), m, d);
    }

    @Test
    void when_aDropFaultNamesAKind_then_onlyThatKindBetweenThoseNodesIsLost() {
        List<String> reasons = new ArrayList<>();
        world.trace().addSink((t, kind, src, dst, type, detail) -> {
            if (kind == TraceKind.DROP) {
                reasons.add(type + " " + detail);
            }
        });
        MessageFaults.Rule r = world.network().messageFaults().drop(List.of(a.id()), List.of(b.id()), "Batch:items");
        send(b, new Batch(3), Delivery.FIFO);
        send(b, new Batch(0), Delivery.FIFO);
        send(b, new Ping(1), Delivery.FIFO);
        send(c, new Batch(3), Delivery.FIFO);
        world.simulation().runUntil(10 * MS);
        assertThat(toB).extracting(Received::message).containsExactly(new Batch(0), new Ping(1));
        assertThat(toC).extracting(Received::message).containsExactly(new Batch(3));
        assertThat(reasons).containsExactly("Batch message-fault");
        assertThat(world.network().stats().dropped()).isEqualTo(1);

        world.network().messageFaults().remove(r);
        send(b, new Batch(5), Delivery.FIFO);
        world.simulation().runUntil(20 * MS);
        assertThat(toB).extracting(Received::message).endsWith(new Batch(5));
    }

    @Test
    void when_aDelayFaultApplies_then_messagesArriveLateAndFifoOnesBehindThemWait() {
        world.network().messageFaults().delay(List.of(a.id()), List.of(b.id()), "Batch", 50 * MS);
        send(b, new Batch(1), Delivery.FIFO);
        send(b, new Ping(2), Delivery.FIFO);
        send(b, new Ping(3), Delivery.DATAGRAM);
        world.simulation().runUntil(100 * MS);
        assertThat(toB).extracting(Received::message).containsExactly(new Ping(3), new Batch(1), new Ping(2));
        assertThat(toB).extracting(Received::time).containsExactly(MS, 51 * MS, 51 * MS);
    }

    @Test
    void when_aDelayIsNotPositive_then_itIsRefused() {
        assertThatThrownBy(() -> world.network().messageFaults().delay(List.of(a.id()), List.of(b.id()), "Ping", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
