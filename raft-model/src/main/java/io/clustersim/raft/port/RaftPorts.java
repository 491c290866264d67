package io.clustersim.raft.port;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/** The four ports of a Raft server or client, bundled. */
public record RaftPorts(RaftTransport transport, RaftTimers timers, RaftStorage storage, UniformRandomProvider random) {
    public RaftPorts {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(random, "random");
    }
}
