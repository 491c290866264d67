package io.clustersim.model.server;

import io.clustersim.gossip.serf.Member;
import io.clustersim.kernel.node.NodeContext;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.telemetry.Counter;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcCaller;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.membership.Suffrage;
import io.clustersim.raft.observe.RaftView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Autopilot on the leader (raft-autopilot v0.1.6 as Nomad runs it, nomad {@code nomad/autopilot.go}):
 * every ServerHealthInterval it gathers each server's Raft stats and judges its health; every
 * AutopilotInterval it promotes non-voters that have been healthy for the stabilization time and,
 * with cleanup on, prunes dead servers, at most floor((voters-1)/2) voters per pass and never
 * below min_quorum.
 *
 * <p>Healthy (autopilot {@code isHealthy}): Serf sees it alive, its last contact with the leader
 * is within the threshold, its last log term is the leader's term, and it is at most
 * max_trailing_logs behind. As of Nomad 2.0 the servers autopilot knows are the alive ones of
 * the peer cache, so a failed voter counts as stale and is removed through Raft directly.
 */
final class Autopilot {
    /** One server's last health verdict. */
    record Health(boolean healthy, long stableSinceNanos, RaftStats stats) {}

    private final ServerIdentity self;
    private final AutopilotConfig config;
    private final NodeContext ctx;
    private final RaftServer raft;
    private final ServerPeers peers;
    private final RpcCaller caller;
    private final MembershipChanges changes;
    private final Counter removals;
    private final Counter promotions;
    private final SortedMap<NodeId, Health> health = new TreeMap<>();
    private long startedAt;
    private int epoch;

    Autopilot(ServerIdentity self, AutopilotConfig config, NodeContext ctx, RaftServer raft, ServerPeers peers,
            RpcCaller caller, MembershipChanges changes, ServerRecorder recorder) {
        this.self = self;
        this.config = config;
        this.ctx = ctx;
        this.raft = raft;
        this.peers = peers;
        this.caller = caller;
        this.changes = changes;
        this.removals = recorder.autopilotRemovals();
        this.promotions = recorder.autopilotPromotions();
    }

    void start() {
        int e = ++epoch;
        startedAt = ctx.now();
        health.clear();
        ctx.setTimer("health", config.serverHealthInterval().toNanos(), () -> healthTick(e));
        ctx.setTimer("act", config.interval().toNanos(), () -> actTick(e));
    }

    void stop() {
        epoch++;
        health.clear();
    }

    Map<NodeId, Health> health() {
        return health;
    }

    private void healthTick(int e) {
        if (e != epoch) {
            return;
        }
        ctx.setTimer("health", config.serverHealthInterval().toNanos(), () -> healthTick(e));
        Configuration c = raft.view().configuration();
        for (NodeId id : c.servers().keySet()) {
            if (id.equals(self.node())) {
                judge(id, RaftStats.of(raft, ctx.now()));
            } else {
                caller.call(id, self.region(), new RpcCall.RaftStats(), false, config.serverHealthInterval().toNanos() / 2,
                        r -> {
                            if (e == epoch) {
                                judge(id, r.ok() ? (RaftStats) r.result() : null);
                            }
                        });
            }
        }
        health.keySet().retainAll(c.servers().keySet());
    }

    private void judge(NodeId id, RaftStats stats) {
        RaftView leader = raft.view();
        boolean healthy = stats != null && alive().contains(id)
                && stats.lastContactNanos() <= config.lastContactThreshold().toNanos()
                && stats.lastTerm() == leader.currentTerm()
                && stats.lastIndex() + config.maxTrailingLogs() >= leader.lastLogIndex();
        Health old = health.get(id);
        long since = old != null && old.healthy() == healthy ? old.stableSinceNanos() : ctx.now();
        health.put(id, new Health(healthy, since, stats));
    }

    /** The servers autopilot knows: the region's servers Serf sees alive. */
    private TreeSet<NodeId> alive() {
        TreeSet<NodeId> out = new TreeSet<>();
        for (Member m : peers.aliveInRegion(self.region())) {
            out.add(m.address());
        }
        return out;
    }

    private void actTick(int e) {
        if (e != epoch) {
            return;
        }
        ctx.setTimer("act", config.interval().toNanos(), () -> actTick(e));
        if (!raft.isLeader()) {
            return;
        }
        // No promotions in a pass that removes (autopilot reconcile: one kind of change per round).
        if (config.cleanupDeadServers() && prune()) {
            return;
        }
        promote();
    }

    /** autopilot pruneDeadServers; returns whether it removed anyone. */
    private boolean prune() {
        Configuration c = raft.view().configuration();
        TreeSet<NodeId> known = alive();
        List<NodeId> deadNonVoters = new ArrayList<>();
        List<NodeId> deadVoters = new ArrayList<>();
        for (Map.Entry<NodeId, Suffrage> s : c.servers().entrySet()) {
            NodeId id = s.getKey();
            if (id.equals(self.node()) || known.contains(id) || changes.pending(id)) {
                continue;
            }
            (s.getValue() == Suffrage.VOTER ? deadVoters : deadNonVoters).add(id);
        }
        int voters = c.voterCount();
        int maxVoterRemovals = Math.max(0, (voters - 1) / 2);
        int removable = Math.min(deadVoters.size(), maxVoterRemovals);
        removable = Math.min(removable, Math.max(0, voters - config.minQuorum()));
        for (NodeId id : deadNonVoters) {
            changes.submit(MembershipChanges.Op.REMOVE, id);
            removals.increment();
        }
        for (int i = 0; i < removable; i++) {
            changes.submit(MembershipChanges.Op.REMOVE, deadVoters.get(i));
            removals.increment();
        }
        return !deadNonVoters.isEmpty() || removable > 0;
    }

    /** autopilot StablePromoter: a non-voter healthy for the stabilization time becomes a voter. */
    private void promote() {
        long stable = config.serverStabilizationTime().toNanos();
        if (ctx.now() - startedAt < stable) {
            return; // stability cannot be judged before autopilot has run that long
        }
        Configuration c = raft.view().configuration();
        for (Map.Entry<NodeId, Suffrage> s : c.servers().entrySet()) {
            Health h = health.get(s.getKey());
            if (s.getValue() == Suffrage.NONVOTER && h != null && h.healthy() && ctx.now() - h.stableSinceNanos() >= stable
                    && !changes.pending(s.getKey())) {
                changes.submit(MembershipChanges.Op.PROMOTE, s.getKey());
                promotions.increment();
            }
        }
    }
}
