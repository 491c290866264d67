package io.clustersim.raft.log;

import java.util.Objects;

/**
 * What a client asks the replicated state machine to do: set {@code key} to {@code value}.
 *
 * @param sizeBytes the command's size on the wire and on disk; it need not match the strings, so
 *     a workload can model large job specifications with short keys
 */
public record Command(String key, String value, int sizeBytes) {
    public Command {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }

    long digest() {
        return Digest.mix(Digest.mix(Digest.ofString(key), Digest.ofString(value)), sizeBytes);
    }
}
