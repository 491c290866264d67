package io.clustersim.scenarios.schema;

/**
 * What the cluster is asked to do.
 *
 * @param statusRpcIntervalNanos how often each client agent calls a server of its region (0: never)
 * @param writesPerSecond Raft writes submitted per second per region, by API users in the region's
 *     first zone (0: none)
 * @param writeTimeoutNanos how long a writer waits for one attempt before retrying another server
 */
public record Workload(long statusRpcIntervalNanos, double writesPerSecond, long writeTimeoutNanos) {
    public static final Workload DEFAULT = new Workload(1_000_000_000L, 10, 5_000_000_000L);
}
