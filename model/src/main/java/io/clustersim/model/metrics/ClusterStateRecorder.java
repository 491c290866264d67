package io.clustersim.model.metrics;

import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.server.fsm.StateListener;
import io.clustersim.model.structs.AllocClientStatus;
import io.clustersim.model.structs.Allocation;
import io.clustersim.model.structs.Evaluation;
import io.clustersim.model.structs.EvalStatus;
import io.clustersim.model.structs.Node;
import io.clustersim.model.structs.NodeStatus;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What one region's state does to its clients, as the report shows it: nodes marked down (and
 * whether falsely), disconnected and collected; allocations lost, rescheduled and unplaced; the
 * time from a node's failure until its allocations run elsewhere; and node status counts over
 * time per zone.
 *
 * <p>Every server's state tells its own {@link #listener(String) listener}; a change is counted
 * once, from the first server to apply its Raft index.
 */
public final class ClusterStateRecorder {
    private final Telemetry telemetry;
    private final String region;
    private final LongSupplier clock;
    private final Predicate<String> reachable;
    private final Map<String, Long> failedAt = new TreeMap<>();
    private final Map<String, Long> markedDownAt = new TreeMap<>();
    private final Map<String, Map<NodeStatus, Level>> statusLevels = new TreeMap<>();
    private final Map<String, Integer> blockedQueued = new TreeMap<>();
    /** Which node each allocation was placed on, to find a replacement's failed original. */
    private final Map<String, String> previousNodes = new TreeMap<>();
    /** Each node's status as the state says now, to check where plans place allocations. */
    private final Map<String, NodeStatus> nodeStatus = new TreeMap<>();
    private final Level unplaced;
    private long lastIndex;
    private String reporter;

    /**
     * @param clientZones the region's zones that hold clients: their node status counts start at
     *     zero now, so that a status no node has reached yet counts as zero nodes, not as unknown
     * @param reachable whether a client node's process runs and can reach a live server of its
     *     region right now (the judge of a false "down")
     */
    public ClusterStateRecorder(Telemetry telemetry, String region, Collection<String> clientZones, LongSupplier clock,
            Predicate<String> reachable) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reachable = Objects.requireNonNull(reachable, "reachable");
        Labels l = Labels.of("region", region);
        for (var m : new io.clustersim.kernel.telemetry.MetricName[] {NomadMetrics.NODES_MARKED_DOWN,
                NomadMetrics.NODES_FALSELY_MARKED_DOWN, NomadMetrics.NODES_DISCONNECTED, NomadMetrics.NODES_GARBAGE_COLLECTED,
                NomadMetrics.ALLOCATIONS_LOST, NomadMetrics.ALLOCATIONS_RESCHEDULED,
                NomadMetrics.ALLOCATIONS_PLACED_ON_DOWN_NODES}) {
            telemetry.counter(m, l);
        }
        telemetry.samples(NomadMetrics.TIME_TO_RESCHEDULE_SECONDS, l);
        this.unplaced = telemetry.level(NomadMetrics.ALLOCATIONS_UNPLACED, l, 0);
        // A level made at a node's first change to a status would know nothing before it, and its
        // mean over the run would be its mean since then: one node down for the last third of a
        // run would read as one node down throughout.
        for (String zone : clientZones) {
            for (NodeStatus status : NodeStatus.values()) {
                level(zone, status);
            }
        }
    }

    /** A client node failed (crashed, stopped, paused or cut off) now: its allocations' rescheduling is timed from here. */
    public void nodeFailed(String node) {
        failedAt.putIfAbsent(node, clock.getAsLong());
    }

    /** A client node is healthy again. */
    public void nodeRecovered(String node) {
        failedAt.remove(node);
    }

    /** The listener for {@code server}'s state. */
    public StateListener listener(String server) {
        return new StateListener() {
            @Override
            public void nodeChanged(long index, Node before, Node after) {
                if (first(server, index)) {
                    node(before, after);
                }
            }

            @Override
            public void allocChanged(long index, Allocation before, Allocation after) {
                if (first(server, index)) {
                    alloc(before, after);
                }
            }

            @Override
            public void evalChanged(long index, Evaluation before, Evaluation after) {
                if (first(server, index)) {
                    eval(after);
                }
            }
        };
    }

    private boolean first(String server, long index) {
        if (index > lastIndex) {
            lastIndex = index;
            reporter = server;
            return true;
        }
        return index == lastIndex && server.equals(reporter);
    }

    private Labels labels() {
        return Labels.of("region", region);
    }

    private void node(Node before, Node after) {
        Node n = after != null ? after : before;
        // The levels count what this recorder last saw, not what the reporting server had
        // before: a server that restored a snapshot or replays its log reports changes from a
        // state the counts never held, and would drive them negative.
        NodeStatus from = nodeStatus.get(n.name());
        NodeStatus to = after == null ? null : after.status();
        if (from == to) {
            return;
        }
        if (to == null) {
            nodeStatus.remove(n.name());
        } else {
            nodeStatus.put(n.name(), to);
        }
        if (from != null) {
            Level l = level(n.zone(), from);
            l.set(l.value() - 1);
        }
        if (to != null) {
            Level l = level(n.zone(), to);
            l.set(l.value() + 1);
        }
        if (to == NodeStatus.DOWN) {
            telemetry.counter(NomadMetrics.NODES_MARKED_DOWN, labels().with("zone", n.zone())).increment();
            markedDownAt.put(n.name(), clock.getAsLong());
            if (reachable.test(n.name())) {
                telemetry.counter(NomadMetrics.NODES_FALSELY_MARKED_DOWN, labels().with("zone", n.zone())).increment();
            }
        } else if (to == NodeStatus.DISCONNECTED) {
            telemetry.counter(NomadMetrics.NODES_DISCONNECTED, labels().with("zone", n.zone())).increment();
            markedDownAt.put(n.name(), clock.getAsLong());
        } else if (to == null) {
            telemetry.counter(NomadMetrics.NODES_GARBAGE_COLLECTED, labels().with("zone", n.zone())).increment();
        }
    }

    private Level level(String zone, NodeStatus s) {
        Map<NodeStatus, Level> byStatus = statusLevels.computeIfAbsent(zone, z -> new EnumMap<>(NodeStatus.class));
        return byStatus.computeIfAbsent(s, x -> telemetry.level(switch (x) {
            case READY -> NomadMetrics.NODES_READY;
            case INITIALIZING -> NomadMetrics.NODES_INITIALIZING;
            case DOWN -> NomadMetrics.NODES_DOWN;
            case DISCONNECTED -> NomadMetrics.NODES_IN_DISCONNECTED;
        }, labels().with("zone", zone), 0));
    }

    private void alloc(Allocation before, Allocation after) {
        if (after == null) {
            return;
        }
        if (before == null && nodeStatus.get(after.nodeName()) == NodeStatus.DOWN) {
            telemetry.counter(NomadMetrics.ALLOCATIONS_PLACED_ON_DOWN_NODES, labels().with("zone", zone(after))).increment();
        }
        if (after.clientStatus() == AllocClientStatus.LOST && (before == null || before.clientStatus() != AllocClientStatus.LOST)) {
            telemetry.counter(NomadMetrics.ALLOCATIONS_LOST, labels().with("zone", zone(after))).increment();
        }
        if (before == null && after.previousAllocation() != null) {
            telemetry.counter(NomadMetrics.ALLOCATIONS_RESCHEDULED, labels().with("zone", zone(after))).increment();
        }
        if (after.previousAllocation() != null && after.clientStatus() == AllocClientStatus.RUNNING
                && (before == null || before.clientStatus() != AllocClientStatus.RUNNING)) {
            String previousNode = previousNodes.get(after.previousAllocation());
            Long since = previousNode == null ? null : failedAt.getOrDefault(previousNode, markedDownAt.get(previousNode));
            if (since != null) {
                telemetry.samples(NomadMetrics.TIME_TO_RESCHEDULE_SECONDS, labels())
                        .add((clock.getAsLong() - since) / 1e9);
            }
        }
        if (before == null) {
            previousNodes.put(after.id(), after.nodeName());
        }
    }

    private static String zone(Allocation a) {
        return a.zone() == null ? "" : a.zone();
    }

    private void eval(Evaluation after) {
        if (after == null) {
            return;
        }
        if (after.status() == EvalStatus.BLOCKED) {
            blockedQueued.put(after.jobId(), after.queuedAllocations());
        } else if (after.status() == EvalStatus.COMPLETE) {
            blockedQueued.remove(after.jobId());
        }
        unplaced.set(blockedQueued.values().stream().mapToInt(Integer::intValue).sum());
    }
}
