package io.clustersim.model.server;

import io.clustersim.gossip.message.GossipMessage;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.SerfEvent;
import io.clustersim.gossip.observe.SerfEventType;
import io.clustersim.gossip.port.NodeContextPorts;
import io.clustersim.gossip.serf.Member;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.gossip.serf.Serf;
import io.clustersim.gossip.serf.SerfState;
import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.node.Process;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.model.capacity.WorkCosts;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcRequest;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.server.fsm.StateListener;
import io.clustersim.model.server.fsm.StateStore;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.kernel.KernelPorts;
import io.clustersim.raft.kernel.RaftHost;
import io.clustersim.raft.message.RaftMessage;
import io.clustersim.raft.observe.CompositeObserver;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.storage.DurableImage;
import java.util.List;
import java.util.Objects;

/**
 * A Nomad server agent: the composition root of one server's subsystems on one node (nomad
 * {@code nomad/server.go} NewServer, setupRaft, setupSerf, Leave). A new instance is made for
 * every process start; what survives a crash is the Raft data on the node's disk
 * ({@link DurableImage}, kept by the deployment).
 *
 * <ul>
 *   <li>Raft over the {@link NomadStateMachine}, with Nomad's settings;
 *   <li>Serf in the servers' pool (one pool for all regions, WAN profile), joining through
 *       {@code server_join} and retrying;
 *   <li>the RPC endpoint and caller; bootstrap_expect; the leader's duties; a graceful leave on
 *       SIGTERM or SIGINT when leave_on_terminate or leave_on_interrupt say so.
 * </ul>
 * Messages reach their subsystem by family through a {@link MessageRouter}. Serf events and Raft
 * leadership changes are handled in events of their own, as Nomad's event channels do.
 */
public final class ServerAgent implements Process, RaftHost {
    private final ServerIdentity self;
    private final NomadServerConfig config;
    private final DurableImage image;
    private final RaftObserver raftObserver;
    private final GossipObserver gossipObserver;
    private final List<NodeId> joinSeeds;
    private final ServerRecorder recorder;
    private final StateListener stateListener;
    private NodeContext ctx;
    private RaftServer raft;
    private NomadStateMachine fsm;
    private ServerPeers peers;
    private Serf serf;
    private LeaderDuties leader;
    private Bootstrapper bootstrapper;
    private RpcCaller caller;
    private MessageRouter router;
    private WorkCosts work;
    private boolean leaving;

    /**
     * @param joinSeeds the {@code server_join} addresses (other servers' nodes)
     * @param raftObserver the deployment's observers of every server (checker, metrics, records)
     * @param gossipObserver the deployment's observers of every Serf member
     * @param stateListener the deployment's listener of every change this server's state applies
     */
    public ServerAgent(ServerIdentity self, NomadServerConfig config, DurableImage image, List<NodeId> joinSeeds,
            RaftObserver raftObserver, GossipObserver gossipObserver, ServerRecorder recorder, StateListener stateListener) {
        this.self = Objects.requireNonNull(self, "self");
        this.config = Objects.requireNonNull(config, "config");
        this.image = Objects.requireNonNull(image, "image");
        this.joinSeeds = List.copyOf(joinSeeds);
        this.raftObserver = raftObserver == null ? RaftObserver.NONE : raftObserver;
        this.gossipObserver = gossipObserver == null ? GossipObserver.NONE : gossipObserver;
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.stateListener = stateListener == null ? StateListener.NONE : stateListener;
    }

    @Override
    public void start(NodeContext context) {
        this.ctx = context;
        // A restarted agent loads its state before it serves; at the run's start everyone is ready.
        long startup = ctx.now() == 0 ? 0 : config.agentStartup().sampler(ctx.random("agent.startup")).sampleNanos();
        if (startup > 0) {
            ctx.setTimer("agent.startup", startup, this::startSubsystems);
        } else {
            startSubsystems();
        }
    }

    private void startSubsystems() {
        long startedAt = ctx.now();
        work = new WorkCosts(config.capacity(), ctx.random("cpu"));
        fsm = new NomadStateMachine(config.stateBaseBytes()).listen(stateListener);
        RaftObserver watcher = new LeadershipWatcher();
        raft = new RaftServer(ctx.self(), config.raft(), KernelPorts.of(ctx, image, "raft"), fsm,
                new CompositeObserver().add(raftObserver).add(watcher));
        GossipObserver events = new GossipObserver() {
            @Override
            public void onSerfEvent(SerfEvent e) {
                if (peers != null) {
                    peers.changed();
                }
                ctx.setTimer("serf.event", 0, () -> serfEvent(e));
            }
        };
        serf = new Serf(self.memberName(), ServerTags.of(self.placement(), config.bootstrapExpect()), config.gossip(),
                new NodeContextPorts(ctx, "serf"), GossipObserver.all(List.of(gossipObserver, events)));
        NodeContext rpc = ctx.scoped("rpc");
        caller = new RpcCaller(rpc);
        peers = new ServerPeers(serf);
        leader = new LeaderDuties(self, config, ctx.scoped("leader"), raft, serf, peers, caller, fsm, recorder, startedAt);
        RpcEndpoint endpoint = new RpcEndpoint(self, config, rpc, raft, fsm, peers, caller, leader, recorder, this::forceLeave,
                new WriteIds(self.node().name(), startedAt, "rpc"));
        fsm.listen(leader.stateListener()).listen(endpoint.stateListener());
        bootstrapper = new Bootstrapper(self, config.bootstrapExpect(), ctx.scoped("bootstrap"), raft, peers, caller);
        router = new MessageRouter()
                .route(RaftMessage.class, raft::handle)
                .route(GossipMessage.class, serf::handle)
                .route(RpcRequest.class, endpoint::handle)
                .route(RpcResponse.class, (from, r) -> caller.onResponse(r));
        serf.start();
        raft.start();
        join();
        bootstrapper.maybeBootstrap();
    }

    /** server_join retry_join: through the seeds, again every retry interval until one answers. */
    private void join() {
        if (joinSeeds.isEmpty()) {
            return;
        }
        serf.join(joinSeeds, joined -> {
            if (joined == 0 && serf.state() == SerfState.ALIVE && !leaving) {
                ctx.setTimer("serf.retryJoin", config.retryJoinInterval().toNanos(), this::join);
            }
        });
    }

    private void serfEvent(SerfEvent e) {
        if (e.type() == SerfEventType.MEMBER_JOIN) {
            bootstrapper.maybeBootstrap();
        }
        Member m = serf.member(e.member()).orElse(null);
        if (e.type() == SerfEventType.MEMBER_REAP || m == null) {
            NodeId address = reapedAddress(e.member());
            if (address != null) {
                leader.memberEvent(e.member(), address, e.tags(), MemberStatus.LEFT);
            }
            return;
        }
        leader.memberEvent(m.name(), m.address(), m.tags(), m.status());
    }

    /** nomad server force-leave NODE: the Serf member of that node, whichever region it is in. */
    private void forceLeave(String node) {
        for (Member m : serf.members()) {
            if (m.name().startsWith(node + ".")) {
                serf.forceLeave(m.name());
            }
        }
    }

    /** A reaped member is gone from Serf: find its node among Raft's servers by its name. */
    private NodeId reapedAddress(String member) {
        for (NodeId id : raft.view().configuration().servers().keySet()) {
            if (member.equals(ServerTags.memberName(id.name(), self.region()))) {
                return id;
            }
        }
        return null;
    }

    @Override
    public void onMessage(NodeId from, Message message) {
        if (router == null) {
            return;
        }
        if (!work.modelled()) {
            router.deliver(from, message);
            return;
        }
        // Every message is work for the CPU, in its turn (at once when it is free and costs nothing).
        boolean leader = raft.isLeader();
        if (leader && message instanceof RpcRequest r && r.call() instanceof RpcCall.NodeUpdateStatus) {
            long arrived = ctx.now();
            ctx.compute(work.message(message, true), () -> {
                recorder.heartbeatProcessing().add((ctx.now() - arrived) / 1e6);
                router.deliver(from, message);
            });
            return;
        }
        ctx.compute(work.message(message, leader), () -> router.deliver(from, message));
    }

    /** The size of this server's state now, in bytes (0 before it started its subsystems). */
    public long stateBytes() {
        return fsm == null ? 0 : fsm.state().sizeBytes();
    }

    @Override
    public void onStop(NodeContext context, StopSignal signal) {
        boolean leave = signal == StopSignal.TERMINATE ? config.leaveOnTerminate() : config.leaveOnInterrupt();
        if (!leave || raft == null || leaving) {
            if (!leaving) {
                // Stopping without leaving is a failure to the others: they see it as a crash.
                recorder.serverFailures().increment();
            }
            context.exit();
            return;
        }
        leaving = true;
        new GracefulLeave(ctx.scoped("leave"), raft, serf, () -> {
            recorder.serverLeaves().increment();
            context.exit();
        }).leave();
    }

    @Override
    public RaftServer raftServer() {
        return raft;
    }

    /** The server's state (its FSM's), or null while it starts: for tests and recorders to read. */
    public StateStore state() {
        return fsm == null ? null : fsm.state();
    }

    /** The server's Serf agent, or null while it starts. */
    public Serf serf() {
        return serf;
    }

    /** Whether this server leads its region and has established its leadership. */
    public boolean establishedLeader() {
        return leader != null && leader.established();
    }

    public ServerIdentity identity() {
        return self;
    }

    /** Raft tells the agent about its own leadership, for the leader's duties. */
    private final class LeadershipWatcher implements RaftObserver {
        @Override
        public void leaderElected(NodeId node, long term, RaftView view) {
            if (node.equals(self.node())) {
                ctx.setTimer("leader.elected", 0, leader::elected);
            }
        }

        @Override
        public void roleChanged(NodeId node, long term, Role from, Role to) {
            if (node.equals(self.node()) && from == Role.LEADER) {
                ctx.setTimer("leader.revoked", 0, leader::revoked);
            }
        }

        /** Writing a snapshot occupies a core for its size (the state is serialised as it is persisted). */
        @Override
        public void snapshotTaken(NodeId node, io.clustersim.raft.log.Snapshot snapshot) {
            if (node.equals(self.node()) && work.modelled()) {
                ctx.compute(work.snapshot(snapshot.sizeBytes()), () -> { });
            }
        }

        /** Applying an entry occupies a core for each object it writes (the state machine applies in order). */
        @Override
        public void entryApplied(NodeId node, io.clustersim.raft.log.LogEntry entry, long prefixDigest) {
            if (node.equals(self.node()) && work.modelled()) {
                int objects = entry.payload() instanceof io.clustersim.raft.log.EntryPayload.Write w
                        && w.command() instanceof io.clustersim.model.server.fsm.NomadCommand c ? c.objects() : 1;
                ctx.compute(work.apply(objects), () -> { });
            }
        }
    }
}
