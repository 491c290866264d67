package io.clustersim.kernel;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import java.util.List;

/**
 * A process that only listens: it keeps its context (so a test can send and set timers through
 * it) and appends every message it receives, with its arrival time, to a log shared by all
 * incarnations of the node.
 */
public final class RecordingProcess implements Process {
    /** One received message. */
    public record Received(long time, NodeId from, Message message) {}

    private final List<Received> log;
    private NodeContext ctx;

    public RecordingProcess(List<Received> log) {
        this.log = log;
    }

    @Override
    public void start(NodeContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        log.add(new Received(ctx.now(), from, message));
    }

    public NodeContext ctx() {
        return ctx;
    }
}
