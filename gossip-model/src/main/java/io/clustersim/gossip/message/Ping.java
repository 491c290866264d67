package io.clustersim.gossip.message;

import java.util.List;

/** A probe of {@code target} by {@code source}; the target answers with an {@link Ack} of the same sequence number. */
public record Ping(long seqNo, String target, String source, List<Update> updates) implements Packet {
    public Ping {
        updates = List.copyOf(updates);
    }

    @Override
    public int headerBytes() {
        return 24 + target.length() + source.length();
    }
}
