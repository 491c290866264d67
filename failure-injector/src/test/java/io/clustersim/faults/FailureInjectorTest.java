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

    /** A message of the test's own kind. */
    record Note(int n) implements Message {}

    @Test
    void when_messagesOfAKindAreDropped_then_onlyThoseBetweenTheNamedPlacesAreLostUntilTheFaultEnds() {
        List<String> received = new ArrayList<>();
        NodeContext[] ctx = new NodeContext[3];
        for (int i = 0; i < 3; i++) {
            int k = i;
            world.addNode("n" + i, new Placement("r", "dc", "z" + i), DiskConfig.instant(), () -> new Process() {
                @Override
                public void start(NodeContext c) {
                    ctx[k] = c;
                }

                @Override
                public void onMessage(NodeId from, Message message) {
                    received.add(from + "->n" + k + " " + message);
                }
            }).start();
        }
        Node a = world.node("n0");
        injector(a).install(List.of(new ScheduledFault(1 * S, new Fault.Messages("Note", List.of("n0"), List.of("z1"), 0), 5 * S)));
        world.simulation().runUntil(2 * S);
        ctx[0].send(world.node("n1").id(), new Note(1), io.clustersim.kernel.network.Delivery.FIFO);
        ctx[0].send(world.node("n2").id(), new Note(2), io.clustersim.kernel.network.Delivery.FIFO);
        ctx[1].send(world.node("n0").id(), new Note(3), io.clustersim.kernel.network.Delivery.FIFO);
        world.simulation().runUntil(7 * S);
        ctx[0].send(world.node("n1").id(), new Note(4), io.clustersim.kernel.network.Delivery.FIFO);
        world.simulation().runUntil(8 * S);
        assertThat(received).containsExactly("n0->n2 Note[n=2]", "n1->n0 Note[n=3]", "n0->n1 Note[n=4]");
        assertThat(log).containsExactly("1s drop Note from [n0] to [z1] [n0, n1]", "6s undo drop Note from [n0] to [z1]");
    }

    @Test
    void when_messagesAreDelayed_then_theyArriveThatMuchLater() {
        List<Long> arrivals = new ArrayList<>();
        NodeContext[] ctx = new NodeContext[1];
        world.addNode("s", new Placement("r", "dc", "z1"), DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext c) {
                ctx[0] = c;
            }

            @Override
            public void onMessage(NodeId from, Message message) {}
        }).start();
        Node r = world.addNode("r", new Placement("r", "dc", "z2"), DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext c) {}

            @Override
            public void onMessage(NodeId from, Message message) {
                arrivals.add(world.now());
            }
        });
        r.start();
        injector(r).install(List.of(new ScheduledFault(0, new Fault.Messages("Note", List.of(), List.of("r"), 50_000_000L), 0)));
        world.simulation().runUntil(S);
        ctx[0].send(r.id(), new Note(1), io.clustersim.kernel.network.Delivery.DATAGRAM);
        world.simulation().runUntil(2 * S);
        assertThat(arrivals).containsExactly(S + 51_000_000L);
    }
}
