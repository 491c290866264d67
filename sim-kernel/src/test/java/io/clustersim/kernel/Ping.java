package io.clustersim.kernel;

import io.clustersim.kernel.network.Message;

/** A numbered test message of a chosen wire size. */
public record Ping(int seq, int sizeBytes) implements Message {
    public Ping(int seq) {
        this(seq, 128);
    }
}
