package io.clustersim.kernel.node;

import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import org.apache.commons.rng.UniformRandomProvider;

/** The ports through which a process acts on the simulated world. */
public interface NodeContext {
    NodeId self();

    /** Virtual time, in nanoseconds since the start of the run. */
    long now();

    void send(NodeId to, Message message, Delivery delivery);

    /** Runs {@code action} after {@code delayNanos} unless cancelled or the node crashes first. */
    Timer setTimer(String name, long delayNanos, Runnable action);

    /** The node's own random stream {@code <node>/<name>}. */
    UniformRandomProvider random(String name);

    Disk disk();
}
