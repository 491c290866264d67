package io.clustersim.model.server;

import io.clustersim.gossip.serf.Member;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.telemetry.Samples;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.model.server.fsm.NomadCommand;
import io.clustersim.model.server.fsm.NomadQuery;
import io.clustersim.model.server.fsm.NomadStateMachine;
import io.clustersim.model.structs.AclPolicy;
import io.clustersim.raft.core.ApplyCallback;
import io.clustersim.raft.core.ApplyError;
import io.clustersim.raft.core.RaftServer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * ACL policy replication on a non-authoritative region's leader (nomad {@code nomad/leader.go}
 * replicateACLPolicies): a blocking stale query to a random live server of the authoritative
 * region waits for its policy table to change; what differs is written through the local Raft.
 * Queries are limited to 10 a second ({@code replicationRateLimit}) and an error backs off 30 s
 * ({@code ReplicationBackoff}).
 */
final class AclReplicator {
    static final long RATE_LIMIT_INTERVAL_NANOS = 100_000_000L;
    static final long BACKOFF_NANOS = 30_000_000_000L;
    /** How long the authoritative region may hold the blocking query (nomad's default max wait, 5 min). */
    static final long MAX_WAIT_NANOS = 300_000_000_000L;

    private final ServerIdentity self;
    private final String authoritative;
    private final NodeContext ctx;
    private final RaftServer raft;
    private final NomadStateMachine fsm;
    private final ServerPeers peers;
    private final RpcCaller caller;
    private final Samples lag;
    private final UniformRandomProvider random;
    private long remoteIndex;
    private final WriteIds writes;
    private int epoch;

    AclReplicator(ServerIdentity self, String authoritative, NodeContext ctx, RaftServer raft, NomadStateMachine fsm,
            ServerPeers peers, RpcCaller caller, ServerRecorder recorder, WriteIds writes) {
        this.self = self;
        this.authoritative = authoritative;
        this.ctx = ctx;
        this.raft = raft;
        this.fsm = fsm;
        this.peers = peers;
        this.caller = caller;
        this.lag = recorder.replicationLag();
        this.random = ctx.random("target");
        this.writes = writes;
    }

    void start() {
        int e = ++epoch;
        remoteIndex = 0;
        query(e);
    }

    void stop() {
        epoch++;
    }

    private void query(int e) {
        if (e != epoch || !raft.isLeader()) {
            return;
        }
        List<Member> servers = peers.aliveInRegion(authoritative);
        if (servers.isEmpty()) {
            backOff(e);
            return;
        }
        Member target = servers.get(random.nextInt(servers.size()));
        RpcCall.AclPolicyList call = new RpcCall.AclPolicyList(remoteIndex, MAX_WAIT_NANOS);
        caller.call(target.address(), authoritative, call, true, RpcEndpoint.callTimeout(call), r -> {
            if (e != epoch) {
                return;
            }
            if (!r.ok()) {
                backOff(e);
                return;
            }
            NomadQuery.AclPolicyList list = (NomadQuery.AclPolicyList) r.result();
            remoteIndex = Math.max(remoteIndex, list.index());
            apply(e, changed(list.policies()));
        });
    }

    private List<AclPolicy> changed(List<AclPolicy> remote) {
        List<AclPolicy> out = new ArrayList<>();
        for (AclPolicy p : remote) {
            if (!p.equals(fsm.state().aclPolicies().get(p.name()))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Writes the changed policies one after another, then waits out the rate limit. */
    private void apply(int e, List<AclPolicy> todo) {
        if (e != epoch) {
            return;
        }
        if (todo.isEmpty()) {
            ctx.setTimer("rate", RATE_LIMIT_INTERVAL_NANOS, () -> query(e));
            return;
        }
        AclPolicy p = todo.get(0);
        raft.apply(writes.next(), new NomadCommand.AclPolicyUpsert(p),
                new ApplyCallback() {
                    @Override
                    public void applied(long index, Object result) {
                        lag.add((ctx.now() - p.createdAtNanos()) / 1e9);
                        apply(e, todo.subList(1, todo.size()));
                    }

                    @Override
                    public void failed(ApplyError error) {
                        backOff(e);
                    }
                });
    }

    private void backOff(int e) {
        ctx.setTimer("backoff", BACKOFF_NANOS, () -> query(e));
    }
}
