package io.clustersim.raft.kernel;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.raft.client.ClientConfig;
import io.clustersim.raft.client.ClientListener;
import io.clustersim.raft.client.RaftClient;
import io.clustersim.raft.port.RaftPorts;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.message.ClientResponse;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A client node: a {@link RaftClient} plus an open-loop write workload, Poisson with
 * {@code writesPerSecond} (0 for none), over {@code keys} keys, each command of
 * {@code commandBytes}. Writes stop after {@code stopAtNanos}.
 */
public final class WorkloadProcess implements Process {
    private final List<NodeId> servers;
    private final ClientConfig clientConfig;
    private final double writesPerSecond;
    private final int keys;
    private final int commandBytes;
    private final long stopAtNanos;
    private final ClientListener listener;
    private RaftClient client;
    private NodeContext ctx;
    private UniformRandomProvider workloadRandom;
    private long written;

    public WorkloadProcess(List<NodeId> servers, ClientConfig clientConfig, double writesPerSecond, int keys,
            int commandBytes, long stopAtNanos, ClientListener listener) {
        this.servers = List.copyOf(servers);
        this.clientConfig = clientConfig;
        this.writesPerSecond = writesPerSecond;
        this.keys = keys;
        this.commandBytes = commandBytes;
        this.stopAtNanos = stopAtNanos;
        this.listener = listener;
    }

    @Override
    public void start(NodeContext ctx) {
        this.ctx = ctx;
        // A restarted client starts a new request numbering under a new name, so ids stay unique.
        String name = ctx.self().name() + (ctx.now() == 0 ? "" : "@" + ctx.now());
        RaftPorts ports = KernelPorts.of(ctx, null, "client");
        client = new RaftClient(name, servers, clientConfig, ports.transport(), ports.timers(), ports.random(), listener);
        workloadRandom = ctx.random("workload");
        if (writesPerSecond > 0) {
            scheduleNext();
        }
    }

    private void scheduleNext() {
        double meanNanos = 1e9 / writesPerSecond;
        long delay = (long) Math.ceil(-Math.log(1 - workloadRandom.nextDouble()) * meanNanos);
        if (ctx.now() + delay > stopAtNanos) {
            return;
        }
        ctx.setTimer("workload/write", delay, () -> {
            written++;
            String key = "k" + workloadRandom.nextInt(keys);
            client.write(new Command(key, client.name() + "-" + written, commandBytes));
            scheduleNext();
        });
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof ClientResponse r) {
            client.handle(from, r);
        }
    }

    /** The client, to send extra requests (null before start). */
    public RaftClient client() {
        return client;
    }
}
