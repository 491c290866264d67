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

    /**
     * Work that costs {@code costNanos} of one core: {@code effects} (the messages it sends, the
     * timers it sets) happen when the work completes, after waiting for a free core if every core
     * is busy. At zero cost on an idle CPU (always so when every cost is zero, the default of every
     * model) {@code effects} run at once, within this call: nothing is queued and nothing changes.
     * Work of zero cost behind queued work waits its turn, so that it cannot overtake it.
     */
    void compute(long costNanos, Runnable effects);

    /** The node's own random stream {@code <node>/<name>}. */
    UniformRandomProvider random(String name);

    Disk disk();

    /**
     * Ends the process cleanly, as after a graceful shutdown: the node goes down, pending timers
     * and deliveries are dropped, but writes already issued to the disk still complete.
     */
    void exit();

    /** This context as seen by one subsystem: timer and stream names prefixed with {@code scope}. */
    default NodeContext scoped(String scope) {
        return new ScopedContext(this, scope);
    }
}
