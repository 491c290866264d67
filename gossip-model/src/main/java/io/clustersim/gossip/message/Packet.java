package io.clustersim.gossip.message;

import java.util.List;

/**
 * A datagram (UDP): lossy and unordered. Every packet carries the updates piggybacked on it, as
 * memberlist fills each outgoing UDP message with pending broadcasts up to the buffer size.
 */
public sealed interface Packet extends GossipMessage permits Ping, Ack, Nack, IndirectPing, Gossip {
    /** Piggybacked broadcasts, processed after the packet's own content. */
    List<Update> updates();

    /** Size of the packet's own content, without the updates. */
    int headerBytes();

    @Override
    default int sizeBytes() {
        int n = headerBytes();
        for (Update u : updates()) {
            n += u.sizeBytes() + 2;
        }
        return n;
    }
}
