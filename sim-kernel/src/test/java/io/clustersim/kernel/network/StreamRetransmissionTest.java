package io.clustersim.kernel.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.Ping;
import io.clustersim.kernel.RecordingProcess;
import io.clustersim.kernel.RecordingProcess.Received;
import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.node.Node;
import io.clustersim.kernel.random.Distribution;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * A lossy stream link follows TCP's retransmission schedule exactly (Network.send: resend after
 * Linux's TCP_RTO_MIN of 200 ms, doubling, at most six retransmissions, then the connection
 * breaks and the message is dropped). The expected outcome of every message is worked out from
 * the link's own random stream ({@code net/a/b}), which with constant latency and no duplication
 * feeds only the loss draws: one for the first transmission, one per retransmission.
 */
class StreamRetransmissionTest {
    private static final long MS = 1_000_000L;

    @Test
    void when_aStreamLinkLosesMostTransmissions_then_eachMessageIsDelayedOrDroppedByTheSchedule() {
        double loss = 0.6;
        World world = new World(11, NetworkConfig.uniform(new Distribution.Constant(MS)).withLoss(loss));
        Placement zone = new Placement("r", "d", "z");
        List<Received> got = new ArrayList<>();
        Node a = world.addNode("a", zone, DiskConfig.instant(), () -> new RecordingProcess(new ArrayList<>()));
        Node b = world.addNode("b", zone, DiskConfig.instant(), () -> new RecordingProcess(got));
        a.start();
        b.start();
        int messages = 300;
        long gap = 20_000 * MS; // longer than the longest retransmission delay: no FIFO waiting
        for (int i = 0; i < messages; i++) {
            int seq = i;
            world.simulation().schedule(i * gap,
                    () -> ((RecordingProcess) a.process()).ctx().send(b.id(), new Ping(seq), Delivery.FIFO));
        }
        world.simulation().runUntilEmpty();

        UniformRandomProvider draws = world.streams().stream("net").stream("a").stream("b").rng();
        List<Received> expected = new ArrayList<>();
        int dropped = 0;
        int retransmitted = 0;
        int sixRetransmissions = 0;
        for (int i = 0; i < messages; i++) {
            long delay = 0;
            boolean lost = false;
            if (draws.nextDouble() < loss) {
                long rto = 200 * MS;
                delay = rto;
                int tries = 1;
                while (draws.nextDouble() < loss) {
                    tries++;
                    if (tries > 6) {
                        lost = true;
                        break;
                    }
                    rto *= 2;
                    delay += rto;
                }
                if (!lost) {
                    retransmitted++;
                    sixRetransmissions += tries == 6 ? 1 : 0;
                }
            }
            if (lost) {
                dropped++;
            } else {
                expected.add(new Received(i * gap + MS + delay, a.id(), new Ping(i)));
            }
        }

        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(world.network().stats().dropped()).isEqualTo(dropped);
        assertThat(world.network().stats().retransmitted()).isEqualTo(retransmitted);
        // The schedule's ends are exercised: some messages needed all six retransmissions.
        assertThat(sixRetransmissions).isPositive();
        assertThat(dropped).isPositive();
    }
}
