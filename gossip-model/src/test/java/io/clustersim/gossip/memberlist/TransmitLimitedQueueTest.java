package io.clustersim.gossip.memberlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.message.Update;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Dissemination with a bounded number of retransmissions (memberlist queue.go TransmitLimitedQueue, util.go retransmitLimit). */
class TransmitLimitedQueueTest {

    private static Alive alive(String node, long inc) {
        return new Alive(node, new NodeId(0, node), inc, new TreeMap<>());
    }

    @Test
    void eachUpdate_isSentRetransmitLimitTimes_thenFinished() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 10, 4); // limit 4 * ceil(log10 11) = 8
        List<String> finished = new ArrayList<>();
        q.queue(alive("x", 1), "x", () -> finished.add("x"));
        int sends = 0;
        while (!q.getBroadcasts(2, 1400).isEmpty()) {
            sends++;
        }
        assertThat(sends).isEqualTo(8);
        assertThat(finished).containsExactly("x");
        assertThat(q.size()).isZero();
    }

    @Test
    void newerNewsAboutTheSameMember_replacesTheOlder() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 3, 4);
        List<String> finished = new ArrayList<>();
        q.queue(new Suspect("x", 1, "a"), "x", () -> finished.add("suspect"));
        q.queue(new Dead("x", 1, "a"), "x", null);
        assertThat(finished).containsExactly("suspect");
        assertThat(q.getBroadcasts(2, 1400)).containsExactly(new Dead("x", 1, "a"));
    }

    @Test
    void leastTransmittedGoesFirst_andPacketsRespectTheByteLimit() {
        TransmitLimitedQueue q = new TransmitLimitedQueue(() -> 3, 4);
        q.queue(alive("old", 1), "old", null);
        q.getBroadcasts(2, 1400);
        q.queue(alive("new", 1), "new", null);
        Update first = q.getBroadcasts(2, alive("new", 1).sizeBytes() + 2).get(0);
        assertThat(first).isEqualTo(alive("new", 1));
        assertThat(q.getBroadcasts(2, 10)).isEmpty();
    }
}
