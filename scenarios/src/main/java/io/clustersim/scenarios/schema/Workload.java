package io.clustersim.scenarios.schema;

/**
 * What the clients do.
 *
 * @param statusRpcIntervalNanos how often each client calls a server (0: never)
 */
public record Workload(long statusRpcIntervalNanos) {
    public static final Workload DEFAULT = new Workload(1_000_000_000L);
}
