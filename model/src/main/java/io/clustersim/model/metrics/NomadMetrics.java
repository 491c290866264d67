package io.clustersim.model.metrics;

import io.clustersim.kernel.telemetry.MetricName;
import java.util.List;

/** Every metric of a Nomad deployment. Labels: {@code region}, and {@code zone} where it applies. */
public final class NomadMetrics {
    private NomadMetrics() {}

    public static final MetricName WRITE_AVAILABILITY = MetricName.timeWeighted("writeAvailability", "ratio",
            "time-weighted share of probe writes (Job.Register) answered OK within the timeout");
    public static final MetricName READ_AVAILABILITY_CONSISTENT = MetricName.timeWeighted("readAvailabilityConsistent", "ratio",
            "time-weighted share of probe reads through the leader answered OK within the timeout");
    public static final MetricName READ_AVAILABILITY_STALE = MetricName.timeWeighted("readAvailabilityStale", "ratio",
            "time-weighted share of probe stale reads (any server) answered OK within the timeout");
    public static final MetricName ACL_WRITE_AVAILABILITY = MetricName.timeWeighted("aclWriteAvailability", "ratio",
            "time-weighted share of probe ACL policy writes (sent to the authoritative region) answered OK");
    public static final MetricName PROBE_LATENCY_MS = MetricName.samples("probeLatencyMs", "ms",
            "answer time of successful probe requests");
    public static final MetricName PROBE_DOWN_SECONDS = MetricName.counter("probeDownSeconds",
            "probe intervals skipped because the probe's own node was down (they count neither way)");

    public static final MetricName RAFT_PEERS = MetricName.level("raftPeers", "servers",
            "servers in the Raft configuration as the region's leader sees it, over time");
    public static final MetricName RAFT_VOTERS = MetricName.level("raftVoters", "servers",
            "voters in the Raft configuration as the region's leader sees it, over time");
    public static final MetricName AUTOPILOT_REMOVALS = MetricName.counter("autopilotRemovals",
            "servers autopilot removed from Raft as dead or stale");
    public static final MetricName AUTOPILOT_PROMOTIONS = MetricName.counter("autopilotPromotions",
            "non-voters autopilot promoted to voters");
    public static final MetricName SERVER_LEAVES = MetricName.counter("serverLeaves",
            "servers that left gracefully (out of Raft, then out of Serf)");
    public static final MetricName SERVER_FAILURES = MetricName.counter("serverFailures",
            "servers that stopped without leaving: crashes, and stops with leave_on_terminate off");
    public static final MetricName REPLICATION_LAG_SECONDS = MetricName.samples("replicationLagSeconds", "s",
            "from an ACL policy's write in the authoritative region until a replica region applied it");
    public static final MetricName RPC_FORWARDS = MetricName.counter("rpcForwards",
            "requests a server forwarded to its leader or to another region");
    public static final MetricName RPC_HOLD_TIMEOUTS = MetricName.counter("rpcHoldTimeouts",
            "requests that found no leader within the RPC hold timeout");
    public static final MetricName CLIENT_HEARTBEATS = MetricName.counter("clientHeartbeats",
            "client registrations and heartbeats the region's leaders handled");
    public static final MetricName CLIENT_TTL_SECONDS = MetricName.samples("clientTtlSeconds", "s",
            "the heartbeat TTLs leaders handed to clients");
    public static final MetricName HEARTBEATS_PER_SECOND_PER_SERVER = MetricName.samples("heartbeatsPerSecondPerServer",
            "1/s", "per server: client heartbeats it handled as leader, per second of the run");
    public static final MetricName NODES_MARKED_DOWN = MetricName.counter("nodesMarkedDown",
            "client nodes the servers marked down");
    public static final MetricName NODES_FALSELY_MARKED_DOWN = MetricName.counter("nodesFalselyMarkedDown",
            "nodes marked down while their process ran and could reach a live server of its region");
    public static final MetricName NODES_DISCONNECTED = MetricName.counter("nodesDisconnected",
            "client nodes the servers marked disconnected");
    public static final MetricName NODES_GARBAGE_COLLECTED = MetricName.counter("nodesGarbageCollected",
            "down nodes collected after node_gc_threshold");
    public static final MetricName ALLOCATIONS_LOST = MetricName.counter("allocationsLost",
            "allocations marked lost (their node down, or its disconnect window over)");
    public static final MetricName ALLOCATIONS_RESCHEDULED = MetricName.counter("allocationsRescheduled",
            "replacement allocations placed for lost or unknown ones");
    public static final MetricName TIME_TO_RESCHEDULE_SECONDS = MetricName.samples("timeToRescheduleSeconds", "s",
            "from a node's failure (or, if it never failed, its marking down) until a replacement runs");
    public static final MetricName ALLOCATIONS_UNPLACED = MetricName.levelSum("allocationsUnplaced", "allocations",
            "allocations jobs want that found no feasible node (their evaluations blocked), over time");
    public static final MetricName ALLOCATIONS_PLACED_ON_DOWN_NODES = MetricName.counter("allocationsPlacedOnDownNodes",
            "allocations a plan placed on a node already marked down (0 in every correct run)");
    public static final MetricName NODES_READY = MetricName.levelSum("nodesReady", "nodes", "client nodes ready, over time");
    public static final MetricName NODES_INITIALIZING = MetricName.levelSum("nodesInitializing", "nodes",
            "client nodes initializing, over time");
    public static final MetricName NODES_DOWN = MetricName.levelSum("nodesDown", "nodes", "client nodes down, over time");
    public static final MetricName NODES_IN_DISCONNECTED = MetricName.levelSum("nodesInDisconnected", "nodes",
            "client nodes disconnected, over time");
    public static final MetricName SERVER_CPU_UTILISATION = MetricName.samples("serverCpuUtilisation", "ratio",
            "per server (with capacity: modelled): the share of its cores' time spent on work");
    public static final MetricName SERVER_CPU_OFFERED_LOAD = MetricName.samples("serverCpuOfferedLoad", "ratio",
            "per server: the work it was given over what its cores could serve (lambda E[S] / c; above 1 it falls behind)");
    public static final MetricName SERVER_CPU_WAIT_MS = MetricName.samples("serverCpuWaitMs", "ms",
            "per server: the mean time work waited for a free core");
    public static final MetricName SERVER_CPU_LONGEST_QUEUE = MetricName.samples("serverCpuLongestQueue", "pieces of work",
            "per server: the longest its run queue grew");
    public static final MetricName SERVER_DISK_IOPS_UTILISATION = MetricName.samples("serverDiskIopsUtilisation", "ratio",
            "with capacity: per server, its synced writes over what its disk's IOPS limit allows (0 without a limit)");
    public static final MetricName SERVER_DISK_QUEUE_MS = MetricName.samples("serverDiskQueueMs", "ms",
            "with capacity: per server, the mean time a synced write waited for an IOPS slot");
    public static final MetricName SERVER_NIC_UTILISATION = MetricName.samples("serverNicUtilisation", "ratio",
            "with capacity: per server, the share of the run its NIC spent sending (0 without a limit)");
    public static final MetricName HEARTBEAT_PROCESSING_MS = MetricName.samples("heartbeatProcessingMs", "ms",
            "with capacity: from a client heartbeat's arrival at the leader until the leader handled it (CPU wait and cost)");
    public static final MetricName STATE_MEGABYTES = MetricName.samples("stateMegabytes", "MB",
            "with capacity: per server, the size of its state (nodes, jobs, allocations, evaluations) at the end");
    public static final MetricName LEADER = MetricName.level("leader", "server index",
            "which server leads the region (its index in the topology, 0 for none), over time");

    /** The catalogue, in report order. */
    public static final List<MetricName> ALL = List.of(WRITE_AVAILABILITY, READ_AVAILABILITY_CONSISTENT,
            READ_AVAILABILITY_STALE, ACL_WRITE_AVAILABILITY, PROBE_LATENCY_MS, PROBE_DOWN_SECONDS, RAFT_PEERS, RAFT_VOTERS,
            AUTOPILOT_REMOVALS, AUTOPILOT_PROMOTIONS, SERVER_LEAVES, SERVER_FAILURES, REPLICATION_LAG_SECONDS,
            RPC_FORWARDS, RPC_HOLD_TIMEOUTS, CLIENT_HEARTBEATS, CLIENT_TTL_SECONDS, HEARTBEATS_PER_SECOND_PER_SERVER,
            NODES_MARKED_DOWN, NODES_FALSELY_MARKED_DOWN, NODES_DISCONNECTED, NODES_GARBAGE_COLLECTED, ALLOCATIONS_LOST,
            ALLOCATIONS_RESCHEDULED, TIME_TO_RESCHEDULE_SECONDS, ALLOCATIONS_UNPLACED, ALLOCATIONS_PLACED_ON_DOWN_NODES,
            NODES_READY, NODES_INITIALIZING,
            NODES_DOWN, NODES_IN_DISCONNECTED, SERVER_CPU_UTILISATION, SERVER_CPU_OFFERED_LOAD, SERVER_CPU_WAIT_MS,
            SERVER_CPU_LONGEST_QUEUE, SERVER_DISK_IOPS_UTILISATION, SERVER_DISK_QUEUE_MS, SERVER_NIC_UTILISATION,
            HEARTBEAT_PROCESSING_MS, STATE_MEGABYTES, LEADER);
}
