package io.clustersim.gossip.message;

import java.util.List;

/**
 * Lifeguard: a helper of an {@link IndirectPing} got no ack from the target in time. It tells the
 * prober that the helper path works, so a missing nack hints that the prober itself is unhealthy.
 */
public record Nack(long seqNo, List<Update> updates) implements Packet {
    public Nack {
        updates = List.copyOf(updates);
    }

    @Override
    public int headerBytes() {
        return 10;
    }
}
