package io.clustersim.raft.metrics;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.raft.observe.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each server's role over time, as {@link RaftMetricNames#SERVER_ROLE} levels labelled with the
 * server's name: what a report draws as a timeline of leaders, followers, candidates and servers
 * down. A process that crashed, exited or is paused is down (it serves nobody); a paused one goes
 * back to its role when it resumes. Those come from the kernel trace, since a stopped process
 * reports nothing itself.
 */
public final class RoleTimeline implements RaftObserver, TraceSink {
    /** The level's values, in the order a chart stacks them. */
    public static final double DOWN = 0;
    public static final double FOLLOWER = 1;
    public static final double CANDIDATE = 2;
    public static final double LEADER = 3;

    private final TreeMap<String, Level> levels = new TreeMap<>();
    private final TreeMap<String, Double> roles = new TreeMap<>();
    private final TreeSet<String> paused = new TreeSet<>();

    /** @param servers the servers to follow; each starts down until its process starts */
    public RoleTimeline(Telemetry telemetry, Labels labels, Collection<String> servers) {
        for (String s : servers) {
            levels.put(s, telemetry.level(RaftMetricNames.SERVER_ROLE, labels.with("server", s), DOWN));
            roles.put(s, DOWN);
        }
    }

    public static double code(Role role) {
        return switch (role) {
            case FOLLOWER -> FOLLOWER;
            case CANDIDATE -> CANDIDATE;
            case LEADER -> LEADER;
        };
    }

    @Override
    public void serverStarted(NodeId node, RaftView view) {
        paused.remove(node.name());
        set(node.name(), code(view.role()));
    }

    @Override
    public void roleChanged(NodeId node, long term, Role from, Role to) {
        set(node.name(), code(to));
    }

    /** A server is down while crashed, exited or paused; its roles come from the observer. */
    @Override
    public Set<TraceKind> kinds() {
        return EnumSet.of(TraceKind.CRASH, TraceKind.EXIT, TraceKind.PAUSE, TraceKind.RESUME);
    }

    @Override
    public void record(long time, TraceKind kind, String source, String destination, String type, String detail) {
        if (source == null || !levels.containsKey(source)) {
            return;
        }
        switch (kind) {
            case PAUSE -> {
                paused.add(source);
                levels.get(source).set(DOWN);
            }
            case RESUME -> {
                paused.remove(source);
                levels.get(source).set(roles.get(source));
            }
            default -> set(source, DOWN);
        }
    }

    private void set(String server, double role) {
        Level level = levels.get(server);
        if (level == null) {
            return;
        }
        roles.put(server, role);
        if (!paused.contains(server)) {
            level.set(role);
        }
    }
}
