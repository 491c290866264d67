package io.clustersim.raft.log;

import java.util.Objects;

/** One entry of the replicated log. */
public record LogEntry(long index, long term, EntryPayload payload) {
    /** Per-entry overhead on disk and on the wire (index, term, type, framing). */
    public static final int HEADER_BYTES = 32;

    public LogEntry {
        Objects.requireNonNull(payload, "payload");
        if (index < 1 || term < 0) {
            throw new IllegalArgumentException("bad entry position " + index + "/" + term);
        }
    }

    public int sizeBytes() {
        return HEADER_BYTES + payload.sizeBytes();
    }

    @Override
    public String toString() {
        return index + "@" + term + ":" + payload;
    }
}
