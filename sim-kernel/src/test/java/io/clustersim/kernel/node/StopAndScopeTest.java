package io.clustersim.kernel.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graceful stops (stop, exit, the kill timeout) and per-subsystem scoped contexts. */
class StopAndScopeTest {
    static final long MS = 1_000_000L;
    final World world = new World(1, NetworkConfig.uniform(new Distribution.Constant(MS)));
    final List<String> events = new ArrayList<>();

    StopAndScopeTest() {
        world.trace().addSink((t, kind, src, dst, type, detail) -> events.add(t / MS + " " + kind + (type == null ? "" : " " + type)));
    }

    /** Takes {@code workMs} to shut down (0: exits at once), or never exits when negative. */
    Node node(long workMs) {
        return world.addNode("n", new Placement("r", "dc", "z"), new DiskConfig(new Distribution.Constant(5 * MS), 0), () -> new Process() {
            @Override
            public void start(NodeContext ctx) {}

            @Override
            public void onMessage(io.clustersim.kernel.node.NodeId from, Message message) {}

            @Override
            public void onStop(NodeContext ctx, StopSignal signal) {
                if (workMs >= 0) {
                    ctx.disk().write(10, () -> events.add(world.now() / MS + " durable"), () -> events.add("callback"));
                    ctx.setTimer("leave", workMs * MS, ctx::exit);
                }
            }
        });
    }

    @Test
    void when_aProcessFinishesItsShutdownWork_then_itExitsCleanlyAndItsWritesStillComplete() {
        Node n = node(2);
        n.start();
        n.stop(StopSignal.TERMINATE, 1000 * MS);
        world.simulation().runUntil(2000 * MS);
        assertThat(n.state()).isEqualTo(NodeState.DOWN);
        // The write issued before exiting reaches the disk; the exited process hears nothing.
        assertThat(events).containsSubsequence("0 STOP TERMINATE", "2 TIMER leave", "2 EXIT", "5 durable").doesNotContain("callback");
        assertThat(events).noneMatch(e -> e.contains("CRASH"));
        n.start();
        assertThat(n.isUp()).isTrue();
    }

    @Test
    void when_aProcessDoesNotExitInTime_then_itIsKilled() {
        Node n = node(-1);
        n.start();
        n.stop(StopSignal.TERMINATE, 90 * MS);
        world.simulation().runUntil(100 * MS);
        assertThat(n.state()).isEqualTo(NodeState.DOWN);
        assertThat(events).containsSubsequence("0 STOP TERMINATE", "90 CRASH").noneMatch(e -> e.contains("EXIT"));
    }

    @Test
    void when_aProcessKeepsTheDefaultStop_then_itExitsAtOnce() {
        Node n = world.addNode("d", new Placement("r", "dc", "z"), DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext ctx) {}

            @Override
            public void onMessage(io.clustersim.kernel.node.NodeId from, Message message) {}
        });
        n.start();
        n.stop(StopSignal.INTERRUPT, MS);
        assertThat(n.state()).isEqualTo(NodeState.DOWN);
        assertThat(events).contains("0 EXIT");
    }

    @Test
    void when_subsystemsShareANode_then_theirTimerAndStreamNamesArePrefixed() {
        NodeContext[] ctx = new NodeContext[1];
        Node n = world.addNode("s", new Placement("r", "dc", "z"), DiskConfig.instant(), () -> new Process() {
            @Override
            public void start(NodeContext c) {
                ctx[0] = c;
            }

            @Override
            public void onMessage(io.clustersim.kernel.node.NodeId from, Message message) {}
        });
        n.start();
        NodeContext heartbeat = ctx[0].scoped("heartbeat");
        heartbeat.setTimer("expire", MS, () -> {});
        world.simulation().runUntil(2 * MS);
        assertThat(events).contains("1 TIMER heartbeat/expire");
        // The scoped stream is the node's stream heartbeat/ttl, not the node's ttl.
        long scoped = heartbeat.random("ttl").nextLong();
        long direct = world.streams().stream("s").stream("heartbeat/ttl").rng().nextLong();
        long other = world.streams().stream("s").stream("ttl").rng().nextLong();
        assertThat(scoped).isEqualTo(direct).isNotEqualTo(other);
        assertThatThrownBy(() -> ctx[0].scoped("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
