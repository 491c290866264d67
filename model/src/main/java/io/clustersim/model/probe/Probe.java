package io.clustersim.model.probe;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.structs.AclPolicy;
import io.clustersim.model.structs.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An API caller in one zone: every interval, after a random start within the first, it sends
 * each configured request to a server of its region (its own zone's first), with the timeout as
 * the deadline. A failed attempt moves it to the next server, as Nomad's API clients and agents
 * rotate through their server list, and is retried there within the interval. Each attempt
 * counts for the time it stands for: from its sending until the next tick or the retry.
 */
public final class Probe implements Process {
    private final String name;
    private final Placement place;
    private final List<NodeId> servers;
    private final ProbeConfig config;
    private final ProbeRecorder recorder;
    private NodeContext ctx;
    private RpcCaller caller;
    private int cursor;
    private long written;

    /** @param servers the region's servers, the probe's own zone's first */
    public Probe(String name, Placement place, List<NodeId> servers, ProbeConfig config, ProbeRecorder recorder) {
        this.name = Objects.requireNonNull(name, "name");
        this.place = Objects.requireNonNull(place, "place");
        this.servers = List.copyOf(servers);
        this.config = Objects.requireNonNull(config, "config");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public void start(NodeContext context) {
        this.ctx = context;
        this.caller = new RpcCaller(ctx.scoped("probe"));
        long interval = config.interval().toNanos();
        ctx.setTimer("probe.tick", ctx.random("probe").nextLong(interval), this::tick);
    }

    private void tick() {
        long interval = config.interval().toNanos();
        ctx.setTimer("probe.tick", interval, this::tick);
        if (servers.isEmpty()) {
            return;
        }
        for (ProbeKind kind : config.kinds()) {
            attempt(kind, ctx.now(), ctx.now() + interval);
        }
    }

    /**
     * How long a probe waits before it calls the next server after a failed call: a tenth of its
     * interval, at most a second, as an agent backs off between servers.
     */
    private long retryDelay() {
        return Math.min(1_000_000_000L, config.interval().toNanos() / 10);
    }

    /** One call, sent now, standing for [sentAt, until): until the next tick, or until the retry that follows a failure. */
    private void attempt(ProbeKind kind, long sentAt, long until) {
        NodeId target = servers.get(cursor % servers.size());
        RpcCall call;
        boolean stale = false;
        switch (kind) {
            case WRITE -> call = new RpcCall.JobRegister(Job.withoutGroups(name, place.region(), 2048));
            case CONSISTENT_READ -> call = new RpcCall.JobGet(name);
            case STALE_READ -> {
                call = new RpcCall.JobGet(name);
                stale = true;
            }
            case ACL_WRITE -> call = new RpcCall.AclPolicyUpsert(new AclPolicy(name, "rules-" + (++written), sentAt));
            default -> throw new IllegalStateException(kind.name());
        }
        caller.call(target, place.region(), call, stale, config.timeout().toNanos(),
                r -> outcome(kind, sentAt, until, target, r));
    }

    private void outcome(ProbeKind kind, long sentAt, long until, NodeId target, RpcResponse r) {
        boolean ok = r.ok();
        if (ok) {
            recorder.attempt(kind, sentAt, until, true, ctx.now() - sentAt);
            return;
        }
        if (target.equals(servers.get(cursor % servers.size()))) {
            cursor++; // move on from the server that failed us, once, whatever else failed with it
        }
        // A caller that failed tries the next server at once (after a short back-off) rather than
        // waiting for its next interval: the outage it sees lasts until a call succeeds, not a
        // whole interval per failure, which matters for probes minutes apart.
        long retryAt = ctx.now() + retryDelay();
        if (retryAt < until) {
            recorder.attempt(kind, sentAt, retryAt, false, -1);
            ctx.setTimer("probe.retry", retryAt - ctx.now(), () -> attempt(kind, retryAt, until));
        } else {
            recorder.attempt(kind, sentAt, until, false, -1);
        }
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof RpcResponse r) {
            caller.onResponse(r);
        }
    }

    /** The name of the probe in {@code zone}. */
    public static String nameIn(String zone) {
        return NAME_PREFIX + zone;
    }

    /** The zone whose probe {@code node} is, if it is one. */
    public static java.util.Optional<String> zoneOf(String node) {
        return node.startsWith(NAME_PREFIX) ? java.util.Optional.of(node.substring(NAME_PREFIX.length())) : java.util.Optional.empty();
    }

    private static final String NAME_PREFIX = "probe-";

    /** The probe's servers, its own zone's first. */
    public static List<NodeId> serverOrder(Placement probe, List<NodeId> regionServers, List<Placement> placements) {
        List<NodeId> own = new ArrayList<>();
        List<NodeId> others = new ArrayList<>();
        for (int i = 0; i < regionServers.size(); i++) {
            (placements.get(i).zone().equals(probe.zone()) ? own : others).add(regionServers.get(i));
        }
        own.addAll(others);
        return own;
    }
}
