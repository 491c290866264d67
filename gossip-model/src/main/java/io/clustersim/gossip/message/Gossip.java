package io.clustersim.gossip.message;

import java.util.List;

/** A gossip round's packet: only piggybacked updates (memberlist sends a compound message). */
public record Gossip(List<Update> updates) implements Packet {
    public Gossip {
        updates = List.copyOf(updates);
    }

    @Override
    public int headerBytes() {
        return 4;
    }
}
