package io.clustersim.raft.log;

import java.util.Objects;

/**
 * A key-value write: set {@code key} to {@code value} (the {@link io.clustersim.raft.statemachine.KeyValueStateMachine}'s command).
 *
 * @param sizeBytes the command's size on the wire and on disk; it need not match the strings, so
 *     a workload can model large job specifications with short keys
 */
public record Command(String key, String value, int sizeBytes) implements LogCommand {
    public Command {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }

    @Override
    public long digest() {
        return Digest.mix(Digest.mix(Digest.ofString(key), Digest.ofString(value)), sizeBytes);
    }
}
