package io.clustersim.gossip.message;

/** The fallback probe over TCP, sent alongside the indirect pings; answered by a {@link StreamAck}. */
public record StreamPing(long seqNo, String target, String source) implements StreamMessage {
    @Override
    public int sizeBytes() {
        return 24 + target.length() + source.length();
    }
}
