package io.clustersim.raft.config;

/** What a server that is not the leader does with a client's write or consistent read. */
public enum ClientRouting {
    /** Answer NOT_LEADER naming the known leader (or NO_LEADER); the client retries there. */
    REDIRECT,
    /**
     * Forward the request to the known leader and relay its answer, as Nomad's RPC layer
     * forwards to the leader; answers NO_LEADER when no leader is known.
     */
    FORWARD
}
