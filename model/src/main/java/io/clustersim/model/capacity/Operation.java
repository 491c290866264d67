package io.clustersim.model.capacity;

/**
 * An operation a server performs that costs CPU: its key in the scenario format, its default cost
 * in microseconds (an assumption to calibrate), and the Nomad or hashicorp/raft telemetry whose
 * mean, on a cluster that is not saturated, estimates it (timers measure wall time, which includes
 * waiting for locks and disks, so they bound the cost from above).
 */
public enum Operation {
    HEARTBEAT("heartbeat", 200, "nomad.client.update_status (nomad/node_endpoint.go UpdateStatus), on the leader"),
    REGISTER("register", 1000, "nomad.client.register (nomad/node_endpoint.go Register)"),
    GET_CLIENT_ALLOCS("getClientAllocs", 300,
            "nomad.client.get_client_allocs (nomad/node_endpoint.go GetClientAllocs), less its blocking wait"),
    ALLOC_UPDATE("allocUpdate", 500, "nomad.client.update_alloc (nomad/node_endpoint.go UpdateAlloc)"),
    WRITE("write", 500, "nomad.job.register (nomad/job_endpoint.go Register) and the other writes"),
    READ("read", 100, "nomad.job.get_job and the other reads"),
    FORWARD("forward", 50, "nomad.rpc.request with a forward (nomad/rpc.go forward): decode and pass on"),
    RAFT_MESSAGE("raftMessage", 20, "raft.rpc.appendEntries, raft.rpc.requestVote with no entries (hashicorp/raft raft.go)"),
    RAFT_APPEND_PER_ENTRY("raftAppendPerEntry", 30, "raft.rpc.appendEntries.storeLogs per entry (hashicorp/raft raft.go appendEntries)"),
    FSM_APPLY_PER_OBJECT("fsmApplyPerObject", 50,
            "nomad.fsm.* per object the entry writes, e.g. nomad.fsm.apply_plan_results over its allocations (nomad/fsm.go)"),
    GOSSIP_MESSAGE("gossipMessage", 20, "memberlist.udp.received and memberlist.tcp.accept handling (memberlist net.go)"),
    SCHEDULE_PER_EVAL("schedulePerEval", 2000,
            "nomad.worker.invoke_scheduler.<type> (nomad/worker.go invokeScheduler) for an evaluation with no placements"),
    SCHEDULE_PER_PLACEMENT("schedulePerPlacement", 100, "nomad.worker.invoke_scheduler.<type> per placement, beyond an evaluation's base"),
    SNAPSHOT_PER_MB("snapshotPerMb", 5000,
            "raft.snapshot.persist and nomad.fsm.persist per MB of state (hashicorp/raft snapshot.go takeSnapshot)");

    private final String key;
    private final double defaultMicros;
    private final String telemetry;

    Operation(String key, double defaultMicros, String telemetry) {
        this.key = key;
        this.defaultMicros = defaultMicros;
        this.telemetry = telemetry;
    }

    /** Its name under {@code capacity.costs}. */
    public String key() {
        return key;
    }

    public double defaultMicros() {
        return defaultMicros;
    }

    public String telemetry() {
        return telemetry;
    }

    /** The operation {@code key} names. */
    public static Operation byKey(String key) {
        for (Operation o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no operation " + key);
    }
}
