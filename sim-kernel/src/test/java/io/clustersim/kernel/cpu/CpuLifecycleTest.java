package io.clustersim.kernel.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.random.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What work does around the node's lifecycle: zero cost, queueing, crashes, pauses, restarts. */
class CpuLifecycleTest {
    private static final long MS = 1_000_000L;
    private static final Placement HERE = new Placement("r", "dc", "z");

    private final World world = new World(5, NetworkConfig.uniform(new Distribution.Constant(MS)));
    private final List<String> log = new ArrayList<>();
    private NodeContext ctx;

    private Node node(Consumer<NodeContext> onStart) {
        return world.addNode("n", HERE, DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext c) {
                ctx = c;
                onStart.accept(c);
            }

            @Override
            public void onMessage(NodeId from, Message message) {}
        });
    }

    private Runnable note(String what) {
        return () -> log.add(what + "@" + world.now() / MS);
    }

    @Test
    void when_workCostsNothing_then_itsEffectsRunWithinTheCallAndNoEventIsScheduled() {
        Node n = node(c -> {
            long before = world.simulation().pendingEvents();
            c.compute(0, note("free"));
            log.add("after");
            assertThat(world.simulation().pendingEvents()).isEqualTo(before);
        });
        n.start();
        assertThat(log).containsExactly("free@0", "after");
        assertThat(n.cpu().completed()).isZero();
        assertThatThrownBy(() -> ctx.compute(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_moreWorkThanCoresArrives_then_itQueuesFirstComeFirstServed() {
        Node n = node(c -> {
            c.compute(10 * MS, note("a"));
            c.compute(5 * MS, note("b"));
            c.compute(1 * MS, note("c"));
        });
        n.cpu().setCores(2);
        n.start();
        assertThat(n.cpu().busy()).isEqualTo(2);
        assertThat(n.cpu().queued()).isEqualTo(1);
        world.simulation().runUntil(100 * MS);
        // a and b start at once on the two cores; c waits for b's core (free at 5 ms) and ends at 6 ms.
        assertThat(log).containsExactly("b@5", "c@6", "a@10");
        assertThat(n.cpu().longestQueue()).isEqualTo(1);
        assertThat(n.cpu().meanWaitSeconds()).isEqualTo(5e-3 / 3);
        assertThat(n.cpu().busyCoreNanos()).isEqualTo(16 * MS);
        assertThat(n.cpu().utilisation()).isEqualTo(16.0 / (2 * 100));
    }

    @Test
    void when_freeWorkArrivesBehindQueuedWork_then_itWaitsItsTurn() {
        Node n = node(c -> {
            c.compute(4 * MS, note("busy"));
            c.compute(0, note("free"));
            log.add("after");
        });
        n.start();
        world.simulation().runUntil(10 * MS);
        assertThat(log).containsExactly("after", "busy@4", "free@4");
    }

    @Test
    void when_theProcessCrashes_then_itsWorkIsLostAndTheRestartFindsIdleCores() {
        Node n = node(c -> {
            if (log.isEmpty()) {
                c.compute(10 * MS, note("lost running"));
                c.compute(10 * MS, note("lost queued"));
                log.add("first");
            } else {
                c.compute(3 * MS, note("second"));
            }
        });
        n.start();
        world.simulation().runUntil(4 * MS);
        n.crash();
        assertThat(n.cpu().busy()).isZero();
        assertThat(n.cpu().queued()).isZero();
        n.start();
        world.simulation().runUntil(50 * MS);
        assertThat(log).containsExactly("first", "second@7");
        // 4 ms of the lost work ran before the crash; the restart's 3 ms after it.
        assertThat(n.cpu().busyCoreNanos()).isEqualTo(7 * MS);
    }

    @Test
    void when_messagesPileUpDuringAPause_then_theyAreServedOneAfterAnotherAfterTheResume() {
        Node busy = world.addNode("busy", HERE, DiskConfig.instant(), () -> new Process() {
            NodeContext c;

            @Override
            public void start(NodeContext context) {
                c = context;
            }

            @Override
            public void onMessage(NodeId from, Message message) {
                c.compute(2 * MS, note("handled " + ((io.clustersim.kernel.Ping) message).seq()));
            }
        });
        Node sender = node(c -> { });
        busy.start();
        sender.start();
        busy.pause();
        for (int i = 1; i <= 3; i++) {
            ctx.send(busy.id(), new io.clustersim.kernel.Ping(i), io.clustersim.kernel.network.Delivery.FIFO);
        }
        world.simulation().runUntil(10 * MS);
        busy.resume();
        world.simulation().runUntil(50 * MS);
        // Each waits for the one before it: a backlog, not three answers at the resume.
        assertThat(log).containsExactly("handled 1@12", "handled 2@14", "handled 3@16");
        assertThat(busy.cpu().longestQueue()).isEqualTo(2);
    }

    @Test
    void when_theProcessIsPaused_then_completedWorkTakesEffectAtTheResume() {
        Node n = node(c -> c.compute(2 * MS, note("done")));
        n.start();
        world.simulation().runUntil(1 * MS);
        n.pause();
        world.simulation().runUntil(20 * MS);
        assertThat(log).isEmpty();
        n.resume();
        assertThat(log).containsExactly("done@20");
    }
}
