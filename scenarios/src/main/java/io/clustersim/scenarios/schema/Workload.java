package io.clustersim.scenarios.schema;

/**
 * What the cluster is asked to do besides the probes' calls.
 *
 * @param statusRpcIntervalNanos how often each client agent calls a server of its region (0: never)
 */
public record Workload(long statusRpcIntervalNanos) {
    public static final Workload DEFAULT = new Workload(1_000_000_000L);
}
