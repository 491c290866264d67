package io.clustersim.gossip.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.trace.TraceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SWIM's indirect probes end to end on the kernel's network (memberlist {@code probeNode}:
 * "ping-req" through IndirectChecks helpers). The UDP path between m1 and m2 is broken in both
 * directions for probes (m1's pings to m2 and m2's acks to m1 are dropped by message faults),
 * while every helper's links work. The TCP fallback is switched off so that only the helpers can
 * save the probe.
 */
class IndirectProbeTest {
    private final List<StateChange> m1Changes = new ArrayList<>();

    private SerfPoolHarness pool() {
        GossipObserver recorder = new GossipObserver() {
            @Override
            public void onStateChange(StateChange change) {
                if (change.observer().equals("m1")) {
                    m1Changes.add(change);
                }
            }
        };
        SerfPoolHarness pool = SerfPoolHarness.builder().size(5).seed(5)
                .config(GossipConfig.lan().withMemberlist(b -> b.disableTcpPings(true)))
                .startMode(StartMode.PRE_JOINED).observer(recorder).build();
        pool.start();
        return pool;
    }

    private static NodeId node(SerfPoolHarness pool, String name) {
        return pool.world().node(name).id();
    }

    private static int faultDrops(SerfPoolHarness pool, String from, String to, String type, Runnable run) {
        int[] n = {0};
        pool.world().trace().addSink((t, kind, src, dst, msgType, detail) -> {
            if (kind == TraceKind.DROP && "message-fault".equals(detail) && src.equals(from) && dst.equals(to)
                    && msgType.equals(type)) {
                n[0]++;
            }
        });
        run.run();
        return n[0];
    }

    @Test
    void when_onlyTheDirectUdpPathToATargetIsBroken_then_helpersKeepItFromBeingSuspected() {
        SerfPoolHarness pool = pool();
        NodeId m1 = node(pool, "m1");
        NodeId m2 = node(pool, "m2");
        pool.world().network().messageFaults().drop(List.of(m1), List.of(m2), "Ping");
        pool.world().network().messageFaults().drop(List.of(m2), List.of(m1), "Ack");

        int lostPings = faultDrops(pool, "m1", "m2", "Ping", () -> pool.runFor(Duration.ofMinutes(2)));

        assertThat(lostPings).as("m1 did probe m2 directly, and those pings were lost").isGreaterThan(10);
        assertThat(m1Changes).filteredOn(c -> c.member().equals("m2") && c.current() != MemberState.ALIVE).isEmpty();
        assertThat(pool.view("m1", "m2")).contains(MemberState.ALIVE);
        assertThat(pool.metrics().falseFailures()).isZero();
    }

    @Test
    void when_theHelpersCannotBeAskedEither_then_theTargetIsSuspected() {
        // The control: the same broken path, and m1's requests to the helpers lost too.
        SerfPoolHarness pool = pool();
        NodeId m1 = node(pool, "m1");
        NodeId m2 = node(pool, "m2");
        List<NodeId> others = List.of(node(pool, "m3"), node(pool, "m4"), node(pool, "m5"));
        pool.world().network().messageFaults().drop(List.of(m1), List.of(m2), "Ping");
        pool.world().network().messageFaults().drop(List.of(m2), List.of(m1), "Ack");
        pool.world().network().messageFaults().drop(List.of(m1), others, "IndirectPing");
        pool.runFor(Duration.ofMinutes(1));

        assertThat(m1Changes).filteredOn(c -> c.member().equals("m2") && c.current() == MemberState.SUSPECT)
                .isNotEmpty();
    }
}
