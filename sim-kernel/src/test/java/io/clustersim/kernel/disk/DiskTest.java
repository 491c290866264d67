package io.clustersim.kernel.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.World;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.random.Distribution.Constant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskTest {
    private static final long MS = 1_000_000L;

    private final World world = new World(5, NetworkConfig.uniform(new Constant(MS)));
    private final List<String> events = new ArrayList<>();

    private Node node(DiskConfig disk) {
        Node n = world.addNode("n" + world.nodes().size(), new Placement("r", "dc", "z"), disk,
                () -> new RecordingProcess(new ArrayList<>()));
        n.start();
        return n;
    }

    private void write(Node n, String name) {
        n.disk().write(4096, () -> events.add("durable " + name + " @" + world.now() / 1_000),
                () -> events.add("synced " + name + " @" + world.now() / 1_000));
    }

    @Test
    void when_tenWritesIssuedAtOnceOnA100IopsDisk_then_theyCompleteTenMillisecondsApartInOrder() {
        Node n = node(new DiskConfig(new Constant(MS), 100));

        for (int i = 0; i < 10; i++) {
            write(n, "w" + i);
        }
        world.simulation().runUntilEmpty();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long micros = (1 + 10L * i) * 1_000;
            expected.add("durable w" + i + " @" + micros);
            expected.add("synced w" + i + " @" + micros);
        }
        assertThat(events).containsExactlyElementsOf(expected);
        // The writer waited 0 + 10 + ... + 90 ms for IOPS slots.
        assertThat(n.disk().queueNanosTotal()).isEqualTo(450 * MS);
        assertThat(n.disk().writes()).isEqualTo(10);
        assertThat(n.disk().bytesWritten()).isEqualTo(10 * 4096);
    }

    @Test
    void when_writesAreSpacedWiderThanTheIopsInterval_then_noneQueues() {
        Node n = node(new DiskConfig(new Constant(MS), 100));

        for (int i = 0; i < 5; i++) {
            world.simulation().schedule(i * 20 * MS, () -> write(n, "w"));
        }
        world.simulation().runUntilEmpty();

        assertThat(n.disk().queueNanosTotal()).isZero();
        assertThat(events).filteredOn(e -> e.startsWith("synced"))
                .containsExactly("synced w @1000", "synced w @21000", "synced w @41000", "synced w @61000", "synced w @81000");
    }

    @Test
    void when_fsyncLatencyIsRandom_then_writesStillCompleteInIssueOrder() {
        Node n = node(new DiskConfig(new Distribution.Exponential(5 * MS), 0));
        List<Integer> order = new ArrayList<>();
        List<Long> times = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            int seq = i;
            world.simulation().schedule(i * 100_000L, () -> n.disk().write(1, null, () -> {
                order.add(seq);
                times.add(world.now());
            }));
        }
        world.simulation().runUntilEmpty();

        assertThat(order).hasSize(200).isSorted();
        assertThat(times).isSorted();
    }

    @Test
    void when_nodeCrashesBeforeCompletion_then_neitherDurableActionNorCallbackRuns() {
        Node n = node(new DiskConfig(new Constant(MS), 100));
        write(n, "a");
        write(n, "b");

        world.simulation().runUntil(5 * MS); // a is done at 1 ms, b is due at 11 ms
        n.crash();
        n.start();
        write(n, "c");
        world.simulation().runUntilEmpty();

        assertThat(events).containsExactly("durable a @1000", "synced a @1000", "durable c @6000", "synced c @6000");
    }

    @Test
    void when_writeCompletesWhileNodePaused_then_dataIsDurableAtOnceButCallbackWaitsForResume() {
        Node n = node(new DiskConfig(new Constant(MS), 0));
        write(n, "a");

        world.simulation().runUntil(MS / 2);
        n.pause();
        world.simulation().runUntil(5 * MS);
        assertThat(events).containsExactly("durable a @1000");
        n.resume();
        world.simulation().runUntilEmpty();

        assertThat(events).containsExactly("durable a @1000", "synced a @5000");
    }

    @Test
    void when_pausedNodeCrashesWithAHeldCallback_then_dataStaysDurableAndCallbackNeverRuns() {
        Node n = node(new DiskConfig(new Constant(MS), 0));
        write(n, "a");
        n.pause();

        world.simulation().runUntil(5 * MS);
        n.crash();
        n.start();
        world.simulation().runUntilEmpty();

        assertThat(events).containsExactly("durable a @1000");
    }

    @Test
    void when_diskIsInstant_then_writeCompletesAtTheSameInstant() {
        Node n = node(DiskConfig.instant());
        world.simulation().runUntil(3 * MS);

        write(n, "a");
        world.simulation().runUntilEmpty();

        assertThat(events).containsExactly("durable a @3000", "synced a @3000");
        assertThat(world.now()).isEqualTo(3 * MS);
    }

    @Test
    void when_iopsNegative_then_configIsRejected() {
        assertThatThrownBy(() -> new DiskConfig(new Constant(MS), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_processIsKilledBeforeCompletion_then_theOsFinishesTheWriteButNobodyIsTold() {
        Node n = node(new DiskConfig(new Constant(MS), 100));
        write(n, "a");
        write(n, "b");

        world.simulation().runUntil(5 * MS); // a is done at 1 ms, b is due at 11 ms
        n.kill();
        assertThat(events).containsExactly("durable a @1000", "synced a @1000", "durable b @5000");
        n.start();
        write(n, "c");
        world.simulation().runUntilEmpty();

        assertThat(events).containsExactly("durable a @1000", "synced a @1000", "durable b @5000",
                "durable c @6000", "synced c @6000");
        assertThat(n.disk().pendingWrites()).isZero();
    }

    @Test
    void when_diskIsSlowedDown_then_writesIssuedAfterwardsTakeLongerAndRestoringUndoesIt() {
        Node n = node(new DiskConfig(new Constant(MS), 0));
        n.disk().slowDown(new Disk.Slowdown(3, 2 * MS, 0));
        write(n, "slow");
        world.simulation().runUntilEmpty();
        n.disk().slowDown(Disk.Slowdown.NONE);
        write(n, "fast");
        world.simulation().runUntilEmpty();

        // 1 ms x 3 + 2 ms = 5 ms; then 1 ms again.
        assertThat(events).filteredOn(e -> e.startsWith("synced")).containsExactly("synced slow @5000", "synced fast @6000");
    }

    @Test
    void when_iopsIsCappedBelowTheDevice_then_writesQueueAtTheCap() {
        Node n = node(new DiskConfig(new Constant(MS), 1000));
        n.disk().slowDown(new Disk.Slowdown(1, 0, 10));
        for (int i = 0; i < 3; i++) {
            write(n, "w" + i);
        }
        world.simulation().runUntilEmpty();

        assertThat(events).filteredOn(e -> e.startsWith("synced"))
                .containsExactly("synced w0 @1000", "synced w1 @101000", "synced w2 @201000");
        assertThat(n.disk().slowdown().iops()).isEqualTo(10);
    }

    @Test
    void when_diskStalls_then_nothingCompletesUntilReleaseAndThenInOrder() {
        Node n = node(new DiskConfig(new Constant(MS), 0));
        write(n, "a");
        n.disk().stall();
        world.simulation().schedule(2 * MS, () -> write(n, "b"));

        world.simulation().runUntil(10 * MS);
        assertThat(events).isEmpty();
        assertThat(n.disk().pendingWrites()).isEqualTo(2);
        assertThat(n.disk().isStalled()).isTrue();
        n.disk().release();
        world.simulation().runUntilEmpty();

        assertThat(events).containsExactly("durable a @10000", "synced a @10000", "durable b @10000", "synced b @10000");
    }

    @Test
    void when_slowdownWouldSpeedTheDiskUp_then_itIsRejected() {
        assertThatThrownBy(() -> new Disk.Slowdown(0.5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disk.Slowdown(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
