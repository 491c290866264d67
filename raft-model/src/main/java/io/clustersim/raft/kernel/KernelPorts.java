package io.clustersim.raft.kernel;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.Timer;
import io.clustersim.raft.port.RaftPorts;
import io.clustersim.raft.port.RaftTimer;
import io.clustersim.raft.port.RaftStorage;
import io.clustersim.raft.port.RaftTimers;
import io.clustersim.raft.port.RaftTransport;
import io.clustersim.raft.storage.DurableImage;
import io.clustersim.raft.storage.PersistOp;
import java.util.List;

/** Raft's ports on a kernel node. */
public final class KernelPorts {
    private KernelPorts() {}

    /**
     * Ports on {@code ctx}: messages travel FIFO (like hashicorp's TCP transport), timers are the
     * node's, writes go through the node's disk and reach {@code image} when synced, and random
     * numbers come from the node's stream {@code <node>/<randomStream>}.
     */
    public static RaftPorts of(NodeContext ctx, DurableImage image, String randomStream) {
        return of(ctx, image, randomStream, Delivery.FIFO);
    }

    /**
     * As {@link #of(NodeContext, DurableImage, String)} with another delivery: DATAGRAM lets
     * messages overtake each other, which tests use to check that safety survives reordering.
     */
    public static RaftPorts of(NodeContext ctx, DurableImage image, String randomStream, Delivery delivery) {
        RaftTransport transport = (to, message) -> ctx.send(to, message, delivery);
        RaftTimers timers = new RaftTimers() {
            @Override
            public long now() {
                return ctx.now();
            }

            @Override
            public RaftTimer set(String name, long delayNanos, Runnable action) {
                Timer t = ctx.setTimer(name, delayNanos, action);
                return t::cancel;
            }
        };
        RaftStorage storage = image == null ? null : new RaftStorage() {
            @Override
            public DurableImage.RecoveredState recover() {
                return image.recover();
            }

            @Override
            public void persist(List<PersistOp> ops, long bytes, Runnable onSynced) {
                ctx.disk().write(bytes, () -> image.apply(ops), onSynced);
            }
        };
        return new RaftPorts(transport, timers, storage, ctx.random(randomStream));
    }
}
