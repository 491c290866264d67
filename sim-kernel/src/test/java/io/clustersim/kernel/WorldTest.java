package io.clustersim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class WorldTest {
    private final World world = new World(1, NetworkConfig.uniform(new Distribution.Constant(1_000_000)));
    private final Placement here = new Placement("r1", "dc1", "z1");

    @Test
    void when_nodesAdded_then_theyAreFoundByNameAndIdInAdditionOrder() {
        Node a = world.addNode("a", here, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
        Node b = world.addNode("b", here, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));

        assertThat(world.nodes()).containsExactly(a, b);
        assertThat(world.node("b")).isSameAs(b);
        assertThat(world.node(b.id())).isSameAs(b);
        assertThat(b.id().index()).isEqualTo(1);
        assertThat(world.node("nobody")).isNull();
    }

    @Test
    void when_nodeNameRepeated_then_addNodeRejectsIt() {
        world.addNode("a", here, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));

        assertThatThrownBy(() -> world.addNode("a", here, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_nodeAdded_then_itIsDownUntilStarted() {
        Node a = world.addNode("a", here, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));

        assertThat(a.isUp()).isFalse();
        assertThat(a.process()).isNull();
        assertThat(world.nodes()).hasSize(1);
        assertThatThrownBy(() -> world.nodes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
