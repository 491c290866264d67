package io.clustersim.model.server;

import io.clustersim.gossip.serf.Serf;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.model.capacity.WorkCosts;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.rpc.RpcStatus;
import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.server.fsm.StateListener;
import io.clustersim.model.server.heartbeat.HeartbeatTracker;
import io.clustersim.model.server.scheduler.EvalBroker;
import io.clustersim.model.server.scheduler.Ids;
import io.clustersim.model.server.scheduler.NodeGc;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.EvalTrigger;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.raft.core.ApplyCallback;
import io.clustersim.raft.core.ApplyError;
import io.clustersim.raft.core.RaftServer;
import java.util.Map;

/**
 * What a server does while it leads its region (nomad {@code nomad/leader.go} monitorLeadership,
 * leaderLoop, establishLeadership, revokeLeadership): once elected it waits for a Raft barrier
 * (everything before its term applied), then serves consistent reads, reconciles Raft's peers
 * with Serf's members (on every member event and every reconcile interval), runs autopilot and,
 * outside the authoritative region, replicates ACL policies. Stepping down stops all of it.
 */
final class LeaderDuties {
    private final NomadServerConfig config;
    private final NodeContext ctx;
    private final RaftServer raft;
    private final Serf serf;
    private final MembershipChanges changes;
    private final Reconciler reconciler;
    private final Autopilot autopilot;
    private final AclReplicator replicator;
    private final HeartbeatTracker heartbeats;
    private final EvalBroker broker;
    private final NodeGc nodeGc;
    private final Ids ids;
    private boolean established;
    private int epoch;

    LeaderDuties(ServerIdentity self, NomadServerConfig config, NodeContext ctx, RaftServer raft, Serf serf,
            ServerPeers peers, RpcCaller caller, NomadStateMachine fsm, ServerRecorder recorder, long startedAtNanos) {
        this.config = config;
        this.ctx = ctx;
        this.raft = raft;
        this.serf = serf;
        this.changes = new MembershipChanges(ctx.scoped("membership"), raft);
        this.reconciler = new Reconciler(self, raft, changes);
        this.autopilot = new Autopilot(self, config.autopilot(), ctx.scoped("autopilot"), raft, peers, caller, changes,
                recorder);
        boolean replicates = config.replicatesAcls() && !config.authoritativeRegion().equals(self.region());
        this.replicator = replicates ? new AclReplicator(self, config.authoritativeRegion(), ctx.scoped("replication"),
                raft, fsm, peers, caller, recorder, new WriteIds(self.node().name(), startedAtNanos, "acl")) : null;
        String agent = self.node().name();
        this.ids = new Ids(agent + "@" + startedAtNanos);
        this.heartbeats = new HeartbeatTracker(ctx.scoped("heartbeat"), config.heartbeat(), raft, fsm, ids,
                new WriteIds(agent, startedAtNanos, "heartbeat"), () -> peers.aliveAddressesInRegion(self.region()), ttl -> {
                    recorder.heartbeats().increment();
                    if (ttl > 0) {
                        recorder.clientTtl().add(ttl / 1e9);
                    }
                });
        NodeContext scheduler = ctx.scoped("scheduler");
        this.broker = new EvalBroker(scheduler, raft, fsm, ids, new WriteIds(agent, startedAtNanos, "plan"),
                EvalBroker.SchedulingCounters.NONE, new WorkCosts(config.capacity(), scheduler.random("cpu")));
        this.nodeGc = new NodeGc(ctx.scoped("gc"), raft, fsm, new WriteIds(agent, startedAtNanos, "gc"),
                config.heartbeat().nodeGcInterval(), config.heartbeat().nodeGcThreshold());
    }

    /** Raft made this server leader: establish leadership once a barrier has applied. */
    void elected() {
        int e = ++epoch;
        raft.barrier(new ApplyCallback() {
            @Override
            public void applied(long index, Object result) {
                if (e == epoch && raft.isLeader()) {
                    establish(e);
                }
            }

            @Override
            public void failed(ApplyError error) {
                // Lost the leadership before it was established: revoke() follows.
            }
        });
    }

    private void establish(int e) {
        established = true;
        reconciler.reconcileAll(serf.members());
        ctx.setTimer("reconcile", config.reconcileInterval().toNanos(), () -> reconcileTick(e));
        autopilot.start();
        if (replicator != null) {
            replicator.start();
        }
        heartbeats.establish();
        broker.start();
        nodeGc.start();
    }

    /** Stepped down: every loop stops (nomad revokeLeadership). */
    void revoked() {
        epoch++;
        established = false;
        changes.clear();
        autopilot.stop();
        if (replicator != null) {
            replicator.stop();
        }
        heartbeats.revoke();
        broker.stop();
        nodeGc.stop();
    }

    /** Job.Register: the job, with an evaluation if it has task groups to schedule. */
    NomadCommand.JobRegister registration(Job job) {
        if (job.groups().isEmpty()) {
            return new NomadCommand.JobRegister(job);
        }
        return new NomadCommand.JobRegister(job, new Evaluation(ids.nextEval(), job.id(), EvalTrigger.JOB_REGISTER, null,
                EvalStatus.PENDING, 0));
    }

    /** A client's registration or heartbeat, routed here because this server leads. */
    void heartbeat(RpcCall.LeaderCall call, Reply reply) {
        if (!established) {
            reply.error(RpcStatus.NO_LEADER);
            return;
        }
        heartbeats.handle(call, reply);
    }

    /** The state changed (this server's own FSM tells it): evaluations to schedule, capacity freed. */
    StateListener stateListener() {
        return new StateListener() {
            @Override
            public void nodeChanged(long index, Node before, Node after) {
                if (after == null || after.status() == NodeStatus.READY && (before == null || before.status() != NodeStatus.READY)) {
                    broker.capacityChanged(after != null ? after.name() : before.name());
                }
            }

            @Override
            public void allocChanged(long index, Allocation before, Allocation after) {
                if (after == null || after.terminal() && (before == null || !before.terminal())) {
                    broker.capacityChanged(after != null ? after.nodeName() : before.nodeName());
                }
            }

            @Override
            public void evalChanged(long index, Evaluation before, Evaluation after) {
                if (after != null) {
                    broker.evalWritten(after);
                }
            }
        };
    }

    private void reconcileTick(int e) {
        if (e != epoch) {
            return;
        }
        ctx.setTimer("reconcile", config.reconcileInterval().toNanos(), () -> reconcileTick(e));
        if (raft.isLeader()) {
            raft.barrier(new ApplyCallback() {
                @Override
                public void applied(long index, Object result) {
                    if (e == epoch) {
                        reconciler.reconcileAll(serf.members());
                    }
                }

                @Override
                public void failed(ApplyError error) {}
            });
        }
    }

    /** A Serf member event on this server: reconcile that member at once (nomad's reconcileCh). */
    void memberEvent(String name, NodeId address, Map<String, String> tags, io.clustersim.gossip.serf.MemberStatus status) {
        if (established) {
            reconciler.member(name, address, tags, status);
        }
    }

    /** Consistent reads need the leadership established (nomad isReadyForConsistentReads). */
    boolean readyForConsistentReads() {
        return established && raft.isLeader();
    }

    boolean established() {
        return established;
    }

    Map<NodeId, Autopilot.Health> health() {
        return autopilot.health();
    }
}
