package io.clustersim.model.capacity;

import io.clustersim.kernel.random.Distribution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The CPU service time (nanoseconds, as distributions) of each operation a server performs. The
 * defaults are assumptions to calibrate, not measurements: Nomad publishes no per-operation CPU
 * figures. Each names the Nomad or hashicorp/raft telemetry whose mean, on a cluster that is not
 * saturated, estimates it (timers measure wall time, which includes waiting for locks and disks, so
 * they bound the cost from above).
 */
public record OperationCosts(Map<String, Distribution> byOperation) {
    /** An operation, its default cost in microseconds, and the telemetry that calibrates it. */
    public record Operation(int index, String key, double defaultMicros, String telemetry) {}

    public static final Operation HEARTBEAT = new Operation(0, "heartbeat", 200,
            "nomad.client.update_status (nomad/node_endpoint.go UpdateStatus), on the leader");
    public static final Operation REGISTER = new Operation(1, "register", 1000,
            "nomad.client.register (nomad/node_endpoint.go Register)");
    public static final Operation GET_CLIENT_ALLOCS = new Operation(2, "getClientAllocs", 300,
            "nomad.client.get_client_allocs (nomad/node_endpoint.go GetClientAllocs), less its blocking wait");
    public static final Operation ALLOC_UPDATE = new Operation(3, "allocUpdate", 500,
            "nomad.client.update_alloc (nomad/node_endpoint.go UpdateAlloc)");
    public static final Operation WRITE = new Operation(4, "write", 500,
            "nomad.job.register (nomad/job_endpoint.go Register) and the other writes");
    public static final Operation READ = new Operation(5, "read", 100, "nomad.job.get_job and the other reads");
    public static final Operation FORWARD = new Operation(6, "forward", 50,
            "nomad.rpc.request with a forward (nomad/rpc.go forward): decode and pass on");
    public static final Operation RAFT_MESSAGE = new Operation(7, "raftMessage", 20,
            "raft.rpc.appendEntries, raft.rpc.requestVote with no entries (hashicorp/raft raft.go)");
    public static final Operation RAFT_APPEND_PER_ENTRY = new Operation(8, "raftAppendPerEntry", 30,
            "raft.rpc.appendEntries.storeLogs per entry (hashicorp/raft raft.go appendEntries)");
    public static final Operation FSM_APPLY_PER_OBJECT = new Operation(9, "fsmApplyPerObject", 50,
            "nomad.fsm.* per object the entry writes, e.g. nomad.fsm.apply_plan_results over its allocations (nomad/fsm.go)");
    public static final Operation GOSSIP_MESSAGE = new Operation(10, "gossipMessage", 20,
            "memberlist.udp.received and memberlist.tcp.accept handling (memberlist net.go)");
    public static final Operation SCHEDULE_PER_EVAL = new Operation(11, "schedulePerEval", 2000,
            "nomad.worker.invoke_scheduler.<type> (nomad/worker.go invokeScheduler) for an evaluation with no placements");
    public static final Operation SCHEDULE_PER_PLACEMENT = new Operation(12, "schedulePerPlacement", 100,
            "nomad.worker.invoke_scheduler.<type> per placement, beyond an evaluation's base");

    public static final Operation SNAPSHOT_PER_MB = new Operation(13, "snapshotPerMb", 5000,
            "raft.snapshot.persist and nomad.fsm.persist per MB of state (hashicorp/raft snapshot.go takeSnapshot)");

    /** Every operation, in the order the scenario format lists them. */
    public static final java.util.List<Operation> OPERATIONS = java.util.List.of(HEARTBEAT, REGISTER, GET_CLIENT_ALLOCS,
            ALLOC_UPDATE, WRITE, READ, FORWARD, RAFT_MESSAGE, RAFT_APPEND_PER_ENTRY, FSM_APPLY_PER_OBJECT, GOSSIP_MESSAGE,
            SCHEDULE_PER_EVAL, SCHEDULE_PER_PLACEMENT, SNAPSHOT_PER_MB);

    /** Nothing costs anything: the protocols as they are without a CPU model. */
    public static final OperationCosts ZERO = uniform(0);

    /** The documented defaults, each a constant. */
    public static final OperationCosts DEFAULTS = defaults();

    public OperationCosts {
        for (int i = 0; i < OPERATIONS.size(); i++) {
            if (OPERATIONS.get(i).index() != i) {
                throw new IllegalStateException("operation " + OPERATIONS.get(i).key() + " is out of place");
            }
        }
        byOperation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byOperation));
        for (Operation o : OPERATIONS) {
            Objects.requireNonNull(byOperation.get(o.key()), o.key());
        }
    }

    private static OperationCosts uniform(double nanos) {
        Map<String, Distribution> m = new LinkedHashMap<>();
        OPERATIONS.forEach(o -> m.put(o.key(), new Distribution.Constant(nanos)));
        return new OperationCosts(m);
    }

    private static OperationCosts defaults() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        OPERATIONS.forEach(o -> m.put(o.key(), new Distribution.Constant(o.defaultMicros() * 1000)));
        return new OperationCosts(m);
    }

    public Distribution of(Operation o) {
        return byOperation.get(o.key());
    }

    /** These costs with {@code key}'s replaced. */
    public OperationCosts with(String key, Distribution d) {
        if (OPERATIONS.stream().noneMatch(o -> o.key().equals(key))) {
            throw new IllegalArgumentException("no operation " + key);
        }
        Map<String, Distribution> m = new LinkedHashMap<>(byOperation);
        m.put(key, d);
        return new OperationCosts(m);
    }
}
