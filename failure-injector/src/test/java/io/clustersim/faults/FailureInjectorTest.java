package io.clustersim.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.NodeState;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.random.Distribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureInjectorTest {
    private static final long S = 1_000_000_000L;

    private final World world = new World(1, NetworkConfig.uniform(new Distribution.Constant(1_000_000)));
    private final List<String> log = new ArrayList<>();

    private Node add(String name, String zone) {
        Node n = world.addNode(name, new Placement("r", "dc", zone), DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext ctx) {}

            @Override
            public void onMessage(NodeId from, Message message) {}
        });
        n.start();
        return n;
    }

    private FailureInjector injector(Node leader) {
        TargetResolver resolver = TargetResolver.byPlace(world, t -> t instanceof Target.Leader ? List.of(leader) : List.of());
        return new FailureInjector(world, resolver, new FaultListener() {
            @Override
            public void injected(ScheduledFault f, List<Node> affected) {
                log.add(world.now() / S + "s " + FailureInjector.describe(f.fault()) + " " + affected.stream().map(Node::name).toList());
            }

            @Override
            public void undone(ScheduledFault f, List<Node> affected) {
                log.add(world.now() / S + "s undo " + FailureInjector.describe(f.fault()));
            }
        });
    }

    @Test
    void when_leaderCrashesForAWhile_then_itIsDownThenRestarted() {
        Node a = add("a", "z1");
        add("b", "z2");
        injector(a).install(List.of(new ScheduledFault(10 * S, new Fault.Crash(new Target.Leader()), 5 * S)));
        world.simulation().runUntil(12 * S);
        assertThat(a.state()).isEqualTo(NodeState.DOWN);
        world.simulation().runUntil(20 * S);
        assertThat(a.state()).isEqualTo(NodeState.UP);
        assertThat(a.starts()).isEqualTo(2);
        assertThat(log).containsExactly("10s crash leader [a]", "15s undo crash leader");
    }

    @Test
    void when_crashHasNoDuration_then_nodeStaysDownUntilAnExplicitRestart() {
        Node a = add("a", "z1");
        injector(a).install(List.of(
                new ScheduledFault(1 * S, new Fault.Crash(new Target.Node("a")), 0),
                new ScheduledFault(100 * S, new Fault.Restart(new Target.Node("a")), 0)));
        world.simulation().runUntil(99 * S);
        assertThat(a.state()).isEqualTo(NodeState.DOWN);
        world.simulation().runUntil(101 * S);
        assertThat(a.state()).isEqualTo(NodeState.UP);
    }

    @Test
    void when_zoneIsPaused_then_everyNodeInItFreezesAndResumes() {
        Node a = add("a", "z1");
        Node b = add("b", "z1");
        Node c = add("c", "z2");
        injector(a).install(List.of(new ScheduledFault(1 * S, new Fault.Pause(new Target.Zone("z1")), 2 * S)));
        world.simulation().runUntil(2 * S);
        assertThat(List.of(a.state(), b.state(), c.state())).containsExactly(NodeState.PAUSED, NodeState.PAUSED, NodeState.UP);
        world.simulation().runUntil(4 * S);
        assertThat(List.of(a.state(), b.state())).containsOnly(NodeState.UP);
    }

    @Test
    void when_partitionSplitsZones_then_linksAcrossAreCutUntilHealed() {
        Node a = add("a", "z1");
        Node b = add("b", "z2");
        Node c = add("c", "z2");
        injector(a).install(List.of(new ScheduledFault(1 * S, new Fault.Partition(List.of(List.of("z1"), List.of("z2"))), 10 * S)));
        world.simulation().runUntil(2 * S);
        var p = world.network().partitions();
        assertThat(p.blocked(a.id(), b.id())).isTrue();
        assertThat(p.blocked(c.id(), a.id())).isTrue();
        assertThat(p.blocked(b.id(), c.id())).isFalse();
        world.simulation().runUntil(12 * S);
        assertThat(p.blocked(a.id(), b.id())).isFalse();
        assertThat(log).containsExactly("1s partition [[z1], [z2]] [a, b, c]", "11s undo partition [[z1], [z2]]");
    }
}
