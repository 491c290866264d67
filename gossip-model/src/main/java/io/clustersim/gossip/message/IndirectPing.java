package io.clustersim.gossip.message;

import io.clustersim.kernel.node.NodeId;
import java.util.List;

/**
 * "Please ping {@code target} for me" (SWIM's ping-req). The helper relays the target's ack under
 * the prober's {@code seqNo}, and sends a {@link Nack} when asked and no ack comes in time.
 */
public record IndirectPing(long seqNo, String target, NodeId targetAddress, boolean nack, String source,
        List<Update> updates) implements Packet {
    public IndirectPing {
        updates = List.copyOf(updates);
    }

    @Override
    public int headerBytes() {
        return 32 + target.length() + source.length();
    }
}
