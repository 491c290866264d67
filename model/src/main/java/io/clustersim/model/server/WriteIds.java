package io.clustersim.model.server;

import io.clustersim.raft.log.RequestId;

/**
 * Request ids for one subsystem's Raft writes: unique per agent incarnation (the agent's start
 * time is part of the client name), so a restarted server never reuses an id it wrote before.
 */
public final class WriteIds {
    private final String client;
    private long next = 1;

    public WriteIds(String agent, long startedAtNanos, String subsystem) {
        this.client = agent + "@" + startedAtNanos + "/" + subsystem;
    }

    public RequestId next() {
        return new RequestId(client, next++);
    }
}
