package io.clustersim.raft.kernel;

import io.clustersim.kernel.network.Delivery;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.message.ClientMessage;
import io.clustersim.raft.message.RaftMessage;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.statemachine.StateMachine;
import io.clustersim.raft.storage.DurableImage;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A kernel process that runs one Raft server and routes Raft and client messages to it. Make a new
 * one per start (the kernel does, through the node's supplier); pass the same
 * {@link DurableImage} every time, since it is the disk's content.
 */
public final class RaftProcess implements Process, RaftHost {
    private final RaftConfig config;
    private final DurableImage image;
    private final Supplier<? extends StateMachine> stateMachine;
    private final RaftObserver observer;
    private final Delivery delivery;
    private RaftServer server;

    public RaftProcess(RaftConfig config, DurableImage image, Supplier<? extends StateMachine> stateMachine,
            RaftObserver observer) {
        this(config, image, stateMachine, observer, Delivery.FIFO);
    }

    /** With {@code delivery} for Raft's messages (FIFO is what hashicorp's TCP transport gives). */
    public RaftProcess(RaftConfig config, DurableImage image, Supplier<? extends StateMachine> stateMachine,
            RaftObserver observer, Delivery delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.config = Objects.requireNonNull(config, "config");
        this.image = Objects.requireNonNull(image, "image");
        this.stateMachine = Objects.requireNonNull(stateMachine, "stateMachine");
        this.observer = observer;
    }

    @Override
    public void start(NodeContext ctx) {
        server = new RaftServer(ctx.self(), config, KernelPorts.of(ctx, image, "raft", delivery), stateMachine.get(), observer);
        server.start();
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof RaftMessage || message instanceof ClientMessage) {
            server.handle(from, message);
        }
    }

    @Override
    public RaftServer raftServer() {
        return server;
    }

    /** The running server, for its view and its leader API. */
    public RaftServer server() {
        return server;
    }
}
