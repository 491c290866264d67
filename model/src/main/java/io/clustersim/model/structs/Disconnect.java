package io.clustersim.model.structs;

/**
 * A task group's {@code disconnect} block (Nomad 1.8+; before it {@code max_client_disconnect}
 * and {@code stop_after_client_disconnect}).
 *
 * @param lostAfterNanos how long the allocations of a disconnected client stay {@code unknown}
 *     before they are lost; 0 means the client is marked down at once and they are lost
 * @param stopOnClientAfterNanos the client stops these allocations itself after this long
 *     without reaching a server (client {@code heartbeatstop.go}); 0 means never
 * @param replace whether an {@code unknown} allocation is replaced on another node meanwhile
 */
public record Disconnect(long lostAfterNanos, long stopOnClientAfterNanos, boolean replace) {
    /** No disconnect block: a missed heartbeat makes the node down and its allocations lost. */
    public static final Disconnect NONE = new Disconnect(0, 0, true);

    public Disconnect {
        if (lostAfterNanos < 0 || stopOnClientAfterNanos < 0) {
            throw new IllegalArgumentException("disconnect durations must not be negative");
        }
    }

    public boolean allowsDisconnect() {
        return lostAfterNanos > 0;
    }
}
