package io.clustersim.gossip.message;

import java.util.List;

/** Answer to a {@link Ping}, or relayed by the helper of an {@link IndirectPing}. */
public record Ack(long seqNo, List<Update> updates) implements Packet {
    public Ack {
        updates = List.copyOf(updates);
    }

    @Override
    public int headerBytes() {
        return 12;
    }
}
