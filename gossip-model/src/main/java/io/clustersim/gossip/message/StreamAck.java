package io.clustersim.gossip.message;

/** Answer to a {@link StreamPing}, on the same connection. */
public record StreamAck(long seqNo) implements StreamMessage {
    @Override
    public int sizeBytes() {
        return 12;
    }
}
