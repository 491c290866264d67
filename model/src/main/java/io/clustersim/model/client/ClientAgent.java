package io.clustersim.model.client;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.node.Timer;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.rpc.HeartbeatReply;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.rpc.RpcStatus;
import io.clustersim.model.server.fsm.NomadCommand.AllocClientUpdate.AllocUpdate;
import io.clustersim.model.server.fsm.NomadQuery;
import io.clustersim.model.server.heartbeat.HeartbeatTtl;
import io.clustersim.model.structs.AllocClientStatus;
import io.clustersim.model.structs.AllocDesiredStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.model.structs.TaskGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A Nomad client agent (nomad {@code client/client.go}, {@code client/rpc.go},
 * {@code client/heartbeatstop.go}):
 *
 * <ul>
 *   <li>registers its fingerprint (Node.Register), retrying after 15 s plus a stagger, or 1 s
 *       while it knows no server; the first heartbeat follows within 10 s;
 *   <li>heartbeats (Node.UpdateStatus) every TTL the servers hand back, takes the server list
 *       from each reply, and after a failed heartbeat retries per getHeartbeatRetryIntv; a server
 *       that does not know it any more makes it register again;
 *   <li>watches its allocations with a blocking Node.GetClientAllocs (consistent the first time,
 *       stale afterwards), starts what should run, stops what should stop, completes batch
 *       allocations after their runtime, and reports their statuses in batches every 200 ms;
 *   <li>sends each RPC to the first server of its list, moving a failed server to the end and
 *       trying again after a jitter, for up to the RPC hold timeout;
 *   <li>while it cannot reach a server its allocations keep running, except those whose group says
 *       to stop after a client disconnect ({@code disconnect.stop_on_client_after}).
 * </ul>
 */
public final class ClientAgent implements Process {
    /** Answers to the client's own requests carry ids from here, apart from a co-hosted server's. */
    public static final long RPC_ID_BASE = 1L << 40;

    /** One allocation this client runs. */
    private record Running(Allocation alloc, TaskGroup group, Timer completion) {}

    private final String region;
    private final Placement place;
    private final Fingerprint fingerprint;
    private final List<NodeId> initialServers;
    private final Distribution agentStartup;
    private NodeContext ctx;
    private RpcCaller caller;
    private ServerList servers;
    private UniformRandomProvider random;
    private boolean registered;
    private boolean haveHeartbeated;
    private long lastOkNanos;
    private long ttlNanos;
    private long allocIndex;
    private boolean firstAllocQuery = true;
    private final Map<String, Running> running = new TreeMap<>();
    private final Map<String, AllocClientStatus> pendingUpdates = new LinkedHashMap<>();
    private Timer syncTimer;
    private Timer stopCheck;

    /**
     * @param servers the region's servers it is configured with (its {@code servers} list)
     * @param agentStartup how long a restarted agent takes before it registers
     */
    public ClientAgent(String region, Placement place, Fingerprint fingerprint, List<NodeId> servers,
            Distribution agentStartup) {
        this.region = Objects.requireNonNull(region, "region");
        this.place = Objects.requireNonNull(place, "place");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.initialServers = List.copyOf(servers);
        this.agentStartup = Objects.requireNonNull(agentStartup, "agentStartup");
    }

    @Override
    public void start(NodeContext context) {
        this.ctx = context;
        this.caller = new RpcCaller(ctx.scoped("rpc"), RPC_ID_BASE);
        this.random = ctx.random("client");
        this.servers = new ServerList(initialServers, ctx.random("servers"));
        long startup = ctx.now() == 0 ? 0 : agentStartup.sampler(ctx.random("agent.startup")).sampleNanos();
        ctx.setTimer("agent.startup", startup, this::register);
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (message instanceof RpcResponse r) {
            caller.onResponse(r);
        }
    }

    // ---- registration and heartbeats ----------------------------------------------------------

    private void register() {
        rpc(new RpcCall.NodeRegister(fingerprint.node(ctx.self().name(), place, ctx.now())), false, r -> {
            if (r.ok() && r.result() instanceof HeartbeatReply reply && !reply.servers().isEmpty()) {
                boolean first = !registered;
                registered = true;
                lastOkNanos = ctx.now();
                ttlNanos = reply.heartbeatTtlNanos();
                servers.set(reply.servers());
                ctx.setTimer("heartbeat", HeartbeatTtl.randomStaggerNanos(ClientTimings.INITIAL_HEARTBEAT_STAGGER, random),
                        this::heartbeat);
                if (first) {
                    watchAllocs();
                }
                return;
            }
            long base = servers.isEmpty() || r.status() == RpcStatus.NO_REGION_PATH ? ClientTimings.NO_SERVER_RETRY
                    : ClientTimings.REGISTER_RETRY;
            ctx.setTimer("register.retry", base + HeartbeatTtl.randomStaggerNanos(base, random), this::register);
        });
    }

    private void heartbeat() {
        rpc(new RpcCall.NodeUpdateStatus(ctx.self().name(), NodeStatus.READY), false, r -> {
            if (r.ok() && r.result() instanceof HeartbeatReply reply) {
                if (!reply.known()) {
                    register(); // collected, or the servers lost it: register again
                    return;
                }
                lastOkNanos = ctx.now();
                ttlNanos = reply.heartbeatTtlNanos();
                haveHeartbeated = true;
                servers.set(reply.servers());
                ctx.setTimer("heartbeat", ttlNanos, this::heartbeat);
                return;
            }
            long retry = HeartbeatRetry.intervalNanos(ctx.now(), lastOkNanos, ttlNanos, haveHeartbeated,
                    r.status() == RpcStatus.NO_LEADER, random);
            ctx.setTimer("heartbeat", retry, this::heartbeat);
            checkHeartbeatStop();
        });
    }

    /**
     * heartbeatstop: allocations whose group says {@code stop_on_client_after} are stopped once the
     * client has gone that long without a successful heartbeat.
     */
    private void checkHeartbeatStop() {
        long soonest = Long.MAX_VALUE;
        for (Running r : new ArrayList<>(running.values())) {
            long after = r.group() == null ? 0 : r.group().disconnect().stopOnClientAfterNanos();
            if (after <= 0) {
                continue;
            }
            if (ctx.now() - lastOkNanos >= after) {
                stopLocally(r.alloc().id());
            } else {
                soonest = Math.min(soonest, lastOkNanos + after);
            }
        }
        if (soonest != Long.MAX_VALUE && stopCheck == null) {
            stopCheck = ctx.setTimer("heartbeatStop", soonest - ctx.now(), () -> {
                stopCheck = null;
                checkHeartbeatStop();
            });
        }
    }

    // ---- allocations --------------------------------------------------------------------------

    private void watchAllocs() {
        boolean stale = !firstAllocQuery;
        rpc(new RpcCall.NodeGetClientAllocs(ctx.self().name(), allocIndex, ClientTimings.BLOCKING_MAX_WAIT), stale, r -> {
            if (r.ok() && r.result() instanceof NomadQuery.ClientAllocList list) {
                firstAllocQuery = false;
                if (list.index() > allocIndex) {
                    allocIndex = list.index();
                    reconcile(list.allocs());
                }
                watchAllocs();
                return;
            }
            ctx.setTimer("allocs.retry", ClientTimings.GET_ALLOC_RETRY
                    + HeartbeatTtl.randomStaggerNanos(ClientTimings.GET_ALLOC_RETRY, random), this::watchAllocs);
        });
    }

    /** runAllocs: start what the servers want running, stop what they want stopped. */
    private void reconcile(List<NomadQuery.ClientAlloc> allocs) {
        TreeSet<String> listed = new TreeSet<>();
        for (NomadQuery.ClientAlloc ca : allocs) {
            Allocation a = ca.alloc();
            listed.add(a.id());
            Running local = running.get(a.id());
            boolean wanted = a.desiredStatus() == AllocDesiredStatus.RUN && !a.clientStatus().terminal();
            if (wanted && local == null && a.clientStatus() != AllocClientStatus.COMPLETE) {
                startAlloc(a, ca.group(), ca.type());
            } else if (wanted && a.clientStatus() == AllocClientStatus.UNKNOWN) {
                report(a.id(), AllocClientStatus.RUNNING); // we ran it all along
            } else if (!wanted && local != null) {
                stopLocally(a.id());
            }
        }
        for (String id : new ArrayList<>(running.keySet())) {
            if (!listed.contains(id)) {
                stopLocally(id); // gone from the servers' state
            }
        }
    }

    private void startAlloc(Allocation a, TaskGroup g, JobType type) {
        Timer completion = null;
        if (type == JobType.BATCH && g != null && g.runtimeNanos() > 0) {
            completion = ctx.setTimer("alloc.complete", g.runtimeNanos(), () -> {
                if (running.remove(a.id()) != null) {
                    report(a.id(), AllocClientStatus.COMPLETE);
                }
            });
        }
        running.put(a.id(), new Running(a, g, completion));
        report(a.id(), AllocClientStatus.RUNNING);
    }

    private void stopLocally(String id) {
        Running r = running.remove(id);
        if (r != null) {
            if (r.completion() != null) {
                r.completion().cancel();
            }
            report(id, AllocClientStatus.COMPLETE);
        }
    }

    /** AllocStateUpdated: queued, sent with the next batch. */
    private void report(String id, AllocClientStatus status) {
        pendingUpdates.put(id, status);
        if (syncTimer == null) {
            syncTimer = ctx.setTimer("allocSync", ClientTimings.ALLOC_SYNC, this::sync);
        }
    }

    /** allocSync: one Node.UpdateAlloc with every pending update; kept for a retry if it fails. */
    private void sync() {
        syncTimer = null;
        if (pendingUpdates.isEmpty()) {
            return;
        }
        List<AllocUpdate> batch = new ArrayList<>();
        pendingUpdates.forEach((id, s) -> batch.add(new AllocUpdate(id, s)));
        Map<String, AllocClientStatus> sent = new LinkedHashMap<>(pendingUpdates);
        pendingUpdates.clear();
        rpc(new RpcCall.NodeUpdateAlloc(ctx.self().name(), batch), false, r -> {
            if (r.ok()) {
                return;
            }
            sent.forEach(pendingUpdates::putIfAbsent);
            if (syncTimer == null) {
                syncTimer = ctx.setTimer("allocSync", ClientTimings.ALLOC_SYNC_RETRY
                        + HeartbeatTtl.randomStaggerNanos(ClientTimings.ALLOC_SYNC_RETRY, random), this::sync);
            }
        });
    }

    // ---- RPC ----------------------------------------------------------------------------------

    /**
     * One RPC (nomad client {@code RPC}): to the first server; a failure moves that server to the
     * end, and after a jitter of up to hold/16 the next is tried, until the hold timeout has passed.
     */
    private void rpc(RpcCall call, boolean stale, Consumer<RpcResponse> done) {
        attempt(call, stale, ctx.now(), done);
    }

    private void attempt(RpcCall call, boolean stale, long firstAt, Consumer<RpcResponse> done) {
        NodeId server = servers.first();
        if (server == null) {
            done.accept(RpcResponse.error(0, RpcStatus.NO_REGION_PATH));
            return;
        }
        // An attempt waits for as long as the server may block the call, then the I/O deadline.
        caller.call(server, region, call, stale, call.longestBlockNanos() + ClientTimings.ATTEMPT_TIMEOUT, r -> {
            if (r.ok()) {
                done.accept(r);
                return;
            }
            servers.failed(server);
            // nomad client/rpc.go RPC: retries until RPCHoldTimeout plus the query's time to block.
            if (ctx.now() - firstAt >= ClientTimings.RPC_HOLD_TIMEOUT + call.timeToBlockNanos()) {
                done.accept(r);
                return;
            }
            long jitter = HeartbeatTtl.randomStaggerNanos(ClientTimings.RPC_HOLD_TIMEOUT / RpcCall.JITTER_FRACTION, random);
            ctx.setTimer("rpc.retry", jitter, () -> attempt(call, stale, firstAt, done));
        });
    }

    // ---- views for tests and recorders ---------------------------------------------------------

    /** The allocations this client runs now, by id. */
    public List<String> runningAllocations() {
        return List.copyOf(running.keySet());
    }

    public boolean registered() {
        return registered;
    }

    /** When its last heartbeat (or registration) succeeded. */
    public long lastHeartbeatOkNanos() {
        return lastOkNanos;
    }

    /** The TTL the servers last handed it. */
    public long heartbeatTtlNanos() {
        return ttlNanos;
    }

    /** Its servers, first the one it calls. */
    public List<NodeId> servers() {
        return servers.servers();
    }
}
