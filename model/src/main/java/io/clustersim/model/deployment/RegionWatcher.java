package io.clustersim.model.deployment;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Watches one region's servers from outside: who leads (the live leader of the highest term) and
 * the Raft configuration as that leader sees it, over time, into the telemetry. Crashes come from
 * the kernel trace; a crashed process says nothing itself.
 */
final class RegionWatcher implements RaftObserver, TraceSink {
    private final Map<String, Integer> serverIndex;
    private final Level leader;
    private final Level peers;
    private final Level voters;
    /** Live servers in the leader role, by name, with their terms. */
    private final TreeMap<String, Long> leaders = new TreeMap<>();
    private String current;

    /** @param serverIndex each server's 1-based index in the topology, which the leader level records */
    RegionWatcher(Telemetry telemetry, String region, Map<String, Integer> serverIndex) {
        this.serverIndex = serverIndex;
        Labels labels = Labels.of("region", region);
        this.leader = telemetry.level(NomadMetrics.LEADER, labels, 0);
        this.peers = telemetry.level(NomadMetrics.RAFT_PEERS, labels, 0);
        this.voters = telemetry.level(NomadMetrics.RAFT_VOTERS, labels, 0);
    }

    @Override
    public void leaderElected(NodeId node, long term, RaftView view) {
        leaders.put(node.name(), term);
        update(view.configuration());
    }

    @Override
    public void roleChanged(NodeId node, long term, Role from, Role to) {
        if (from == Role.LEADER) {
            lost(node.name());
        }
    }

    @Override
    public void configurationChanged(NodeId node, long index, Configuration configuration) {
        if (node.name().equals(current)) {
            peers.set(configuration.size());
            voters.set(configuration.voterCount());
        }
    }

    /** Only a leader's crash or exit matters here. */
    @Override
    public Set<TraceKind> kinds() {
        return EnumSet.of(TraceKind.CRASH, TraceKind.EXIT);
    }

    @Override
    public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
        if (leaders.containsKey(source)) {
            lost(source);
        }
    }

    private void lost(String name) {
        leaders.remove(name);
        update(null);
    }

    private void update(Configuration configuration) {
        String best = null;
        long bestTerm = -1;
        for (Map.Entry<String, Long> e : leaders.entrySet()) {
            if (e.getValue() > bestTerm) {
                best = e.getKey();
                bestTerm = e.getValue();
            }
        }
        current = best;
        leader.set(best == null ? 0 : serverIndex.get(best));
        if (configuration != null && best != null) {
            peers.set(configuration.size());
            voters.set(configuration.voterCount());
        }
    }

    /** The current leader's name, or null. */
    String current() {
        return current;
    }

    Level leaderLevel() {
        return leader;
    }
}
