package io.clustersim.kernel.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.World;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution.Constant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IOPS admission edges that {@link DiskTest} leaves out: no limit, and a limit finer than a nanosecond. */
class DiskQueueTest {
    private static final long MS = 1_000_000L;

    private final World world = new World(5, NetworkConfig.uniform(new Constant(MS)));
    private final List<Long> completions = new ArrayList<>();

    private Node node(DiskConfig disk) {
        Node n = world.addNode("n", new Placement("r", "dc", "z"), disk, () -> new RecordingProcess(new ArrayList<>()));
        n.start();
        return n;
    }

    @Test
    void when_iopsIsZero_then_writesIssuedTogetherNeverQueueAndAllCompleteAfterOneFsync() {
        // DiskConfig: "0 means unlimited".
        Node n = node(new DiskConfig(new Constant(MS), 0));
        for (int i = 0; i < 5; i++) {
            n.disk().write(10, null, () -> completions.add(world.now()));
        }
        world.simulation().runUntilEmpty();

        assertThat(completions).containsExactly(MS, MS, MS, MS, MS);
        assertThat(n.disk().queueNanosTotal()).isZero();
    }

    @Test
    void when_iopsExceedsOnePerNanosecond_then_writesStillStartOneNanosecondApart() {
        // The issue interval is rounded to whole nanoseconds but never to zero.
        Node n = node(new DiskConfig(new Constant(MS), 1e10));
        for (int i = 0; i < 4; i++) {
            n.disk().write(10, null, () -> completions.add(world.now()));
        }
        world.simulation().runUntilEmpty();

        assertThat(completions).containsExactly(MS, MS + 1, MS + 2, MS + 3);
        assertThat(n.disk().queueNanosTotal()).isEqualTo(0 + 1 + 2 + 3);
    }
}
