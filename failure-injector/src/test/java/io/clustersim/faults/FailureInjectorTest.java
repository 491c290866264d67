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

    /** A node whose process hands out its context and notes each arrival's time. */
    private Node recording(String name, String zone, NodeContext[] ctx, List<Long> arrivals) {
        Node n = world.addNode(name, new Placement("r", "dc", zone), DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext c) {
                ctx[0] = c;
            }

            @Override
            public void onMessage(NodeId from, Message message) {
                arrivals.add(world.now());
            }
        });
        n.start();
        return n;
    }

    /** A directory where {@code leader} leads and every node is a server. */
    private RoleDirectory roles(Node leader) {
        return new RoleDirectory() {
            @Override
            public List<Node> leaders(String region) {
                return leader.state() == NodeState.DOWN ? List.of() : List.of(leader);
            }

            @Override
            public List<Node> followers(String region) {
                return world.nodes().stream().filter(n -> n != leader && n.isUp()).toList();
            }

            @Override
            public List<Node> servers(String region) {
                return world.nodes();
            }

            @Override
            public long committed() {
                return world.now() / S;
            }
        };
    }

    private FailureInjector injector(Node leader) {
        RoleDirectory roles = roles(leader);
        return new FailureInjector(world, TargetResolver.of(world, roles), new FaultListener() {
            @Override
            public void injected(ScheduledFault f, List<Node> affected) {
                log.add(world.now() / S + "s " + FailureInjector.describe(f.fault()) + " " + affected.stream().map(Node::name).toList());
            }

            @Override
            public void undone(ScheduledFault f, List<Node> affected) {
                log.add(world.now() / S + "s undo " + FailureInjector.describe(f.fault()));
            }
        }).roles(roles);
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
        recording("s", "z1", ctx, new ArrayList<>());
        Node r = recording("r", "z2", new NodeContext[1], arrivals);
        injector(r).install(List.of(new ScheduledFault(0, new Fault.Messages("Note", List.of(), List.of("r"), 50_000_000L), 0)));
        world.simulation().runUntil(S);
        ctx[0].send(r.id(), new Note(1), io.clustersim.kernel.network.Delivery.DATAGRAM);
        world.simulation().runUntil(2 * S);
        assertThat(arrivals).containsExactly(S + 51_000_000L);
    }

    @Test
    void when_aNodeIsIsolated_then_itIsUpButCutFromEveryoneUntilHealed() {
        Node a = add("a", "z1");
        Node b = add("b", "z2");
        Node c = add("c", "z2");
        injector(a).install(List.of(new ScheduledFault(1 * S, new Fault.Isolate(new Target.Zone("z2")), 5 * S)));
        world.simulation().runUntil(2 * S);
        var p = world.network().partitions();
        assertThat(b.isUp()).isTrue();
        assertThat(p.blocked(a.id(), b.id())).isTrue();
        assertThat(p.blocked(c.id(), a.id())).isTrue();
        assertThat(p.blocked(b.id(), c.id())).isFalse();
        world.simulation().runUntil(7 * S);
        assertThat(p.blocked(a.id(), b.id())).isFalse();
    }

    @Test
    void when_partitionIsOneWay_then_onlyTheFirstGroupsMessagesAreCutAndHealEndsIt() {
        Node a = add("a", "z1");
        Node b = add("b", "z2");
        Node bridge = add("m", "z3");
        injector(a).install(List.of(
                new ScheduledFault(1 * S, new Fault.Partition(List.of(List.of("z1"), List.of("z2")), true), 0),
                new ScheduledFault(3 * S, new Fault.Heal(), 0)));
        world.simulation().runUntil(2 * S);
        var p = world.network().partitions();
        assertThat(p.blocked(a.id(), b.id())).isTrue();
        assertThat(p.blocked(b.id(), a.id())).isFalse();
        assertThat(p.blocked(a.id(), bridge.id())).isFalse();
        world.simulation().runUntil(4 * S);
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void when_aLinkIsDegraded_then_messagesTakeTheAddedLatencyUntilItEnds() {
        List<Long> arrivals = new ArrayList<>();
        NodeContext[] ctx = new NodeContext[1];
        recording("s", "z1", ctx, new ArrayList<>());
        Node r = recording("r", "z2", new NodeContext[1], arrivals);
        injector(r).install(List.of(new ScheduledFault(0,
                new Fault.Degrade(new Fault.Links.Between(List.of("s"), List.of("z2")), 30_000_000L, 0, 0, 0), 2 * S)));
        world.simulation().runUntil(S);
        ctx[0].send(r.id(), new Note(1), io.clustersim.kernel.network.Delivery.DATAGRAM);
        world.simulation().runUntil(3 * S);
        ctx[0].send(r.id(), new Note(2), io.clustersim.kernel.network.Delivery.DATAGRAM);
        world.simulation().runUntil(4 * S);
        assertThat(arrivals).containsExactly(S + 31_000_000L, 3 * S + 1_000_000L);
    }

    @Test
    void when_processIsKilledOrSlowedOrItsDiskDegraded_then_theKernelCarriesItOutAndUndoesIt() {
        Node a = add("a", "z1");
        Node b = add("b", "z2");
        injector(a).install(List.of(
                new ScheduledFault(1 * S, new Fault.Kill(new Target.Node("a")), 2 * S),
                new ScheduledFault(1 * S, new Fault.SlowProcessing(new Target.Node("b"), 50_000_000L), 2 * S),
                new ScheduledFault(1 * S, new Fault.SlowDisk(new Target.Node("b"),
                        new io.clustersim.kernel.disk.Disk.Slowdown(2, 0, 50)), 2 * S),
                new ScheduledFault(5 * S, new Fault.StallDisk(new Target.Node("b")), 1 * S)));
        world.simulation().runUntil(2 * S);
        assertThat(a.state()).isEqualTo(NodeState.DOWN);
        assertThat(b.processingDelayNanos()).isEqualTo(50_000_000L);
        assertThat(b.disk().slowdown().iops()).isEqualTo(50);
        world.simulation().runUntil(4 * S);
        assertThat(a.state()).isEqualTo(NodeState.UP);
        assertThat(b.processingDelayNanos()).isZero();
        assertThat(b.disk().slowdown()).isEqualTo(io.clustersim.kernel.disk.Disk.Slowdown.NONE);
        world.simulation().runUntil(5 * S + 1);
        assertThat(b.disk().isStalled()).isTrue();
        world.simulation().runUntil(7 * S);
        assertThat(b.disk().isStalled()).isFalse();
    }

    @Test
    void when_aRollingRestartRuns_then_serversGoDownOneAtATimeInNameOrder() {
        Node a = add("a", "z1");
        Node b = add("b", "z2");
        Node c = add("c", "z3");
        List<String> downs = new ArrayList<>();
        world.trace().addSink((t, kind, src, dst, type, detail) -> {
            if (kind == io.clustersim.kernel.trace.TraceKind.CRASH) {
                downs.add(t / S + "s " + src);
            }
        });
        injector(a).install(List.of(new ScheduledFault(10 * S, new Fault.RollingRestart(null, 20 * S, 5 * S, false), 0)));
        world.simulation().runUntil(100 * S);
        assertThat(downs).containsExactly("10s a", "35s b", "60s c");
        assertThat(List.of(a.starts(), b.starts(), c.starts())).containsOnly(2);
    }

    @Test
    void when_triggersAreAWindowOrACondition_then_faultsFireInsideTheWindowAndWhenTheConditionHolds() {
        Node a = add("a", "z1");
        add("b", "z2");
        FailureInjector injector = injector(a);
        injector.install(List.of(
                new ScheduledFault(new Trigger.Within(10 * S, 20 * S), new Fault.Pause(new Target.Node("b")), S),
                new ScheduledFault(new Trigger.When(new Trigger.Condition.Committed(30), 2 * S),
                        new Fault.Crash(new Target.Leader()), 0)));
        world.simulation().runUntil(60 * S);
        List<Fired> fired = injector.fired();
        assertThat(fired).hasSize(2);
        assertThat(fired.get(0).atNanos()).isBetween(10 * S, 20 * S);
        assertThat(fired.get(0).nodes()).containsExactly("b");
        // 30 commits at 30 s (one a second), checked every 10 ms, plus 2 s.
        assertThat(fired.get(1).atNanos()).isBetween(32 * S, 32 * S + Trigger.POLL_NANOS);
        assertThat(fired.get(1).nodes()).containsExactly("a");
    }

    @Test
    void when_aRandomTargetIsDrawn_then_itIsOneMemberAndTheSameForTheSameSeed() {
        List<String> picks = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            World w = new World(77, NetworkConfig.uniform(new Distribution.Constant(1_000_000)));
            for (String n : List.of("a", "b", "c", "d")) {
                w.addNode(n, new Placement("r", "dc", "z"), DiskConfig.instant(), () -> new Process() {
                    @Override
                    public void start(NodeContext ctx) {}

                    @Override
                    public void onMessage(NodeId from, Message message) {}
                }).start();
            }
            FailureInjector inj = new FailureInjector(w, TargetResolver.of(w, RoleDirectory.NONE), FaultListener.NONE);
            inj.install(List.of(new ScheduledFault(S, new Fault.Crash(new Target.Random(new Target.Zone("z"))), 0)));
            w.simulation().runUntil(2 * S);
            assertThat(inj.fired().get(0).nodes()).hasSize(1);
            picks.add(inj.fired().get(0).nodes().get(0));
        }
        assertThat(picks.get(0)).isEqualTo(picks.get(1));
    }

    @Test
    void when_aFailureProcessRunsWithACap_then_unitsFailAndRepairAndNeverMoreThanTheCapAreDown() {
        for (int i = 0; i < 5; i++) {
            add("n" + i, "z" + i);
        }
        int[] maxDown = {0};
        FailureInjector injector = injector(world.node("n0"));
        injector.install(List.of(new ScheduledFault(0, new Fault.FailureProcess(Fault.Scope.ZONE, new Target.Region("r"),
                new Distribution.Exponential(100.0 * S), new Distribution.Exponential(50.0 * S), 2), 0)));
        long failures = 0;
        for (int t = 1; t <= 20_000; t++) {
            world.simulation().runUntil(t * S);
            int down = (int) world.nodes().stream().filter(n -> n.state() == NodeState.DOWN).count();
            maxDown[0] = Math.max(maxDown[0], down);
        }
        for (Node n : world.nodes()) {
            failures += n.starts() - 1;
        }
        assertThat(maxDown[0]).isEqualTo(2);
        // 5 units, each failing about every 100 s of uptime: hundreds of repairs in 20,000 s.
        assertThat(failures).isBetween(300L, 800L);
    }
}
