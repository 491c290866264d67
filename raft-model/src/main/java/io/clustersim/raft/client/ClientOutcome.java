package io.clustersim.raft.client;

import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.ClientStatus;

/**
 * How one client request ended.
 *
 * @param ok the request succeeded (a write is committed and applied at {@code index})
 * @param lastStatus the last status a server reported, or null if the last attempt timed out
 * @param startNanos when the request was first sent
 * @param latencyNanos from first send to the final answer (or giving up)
 * @param attempts sends, retries and redirects included
 */
public record ClientOutcome(RequestId requestId, boolean write, boolean ok, ClientStatus lastStatus, long startNanos,
        long latencyNanos, int attempts, long index, long term, String value) {
    public double latencyMillis() {
        return latencyNanos / 1e6;
    }
}
