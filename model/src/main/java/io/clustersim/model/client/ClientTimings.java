package io.clustersim.model.client;

/**
 * The client agent's fixed intervals (nomad {@code client/client.go} constants,
 * {@code client/config} RPCHoldTimeout), and one assumption of ours.
 */
public final class ClientTimings {
    private ClientTimings() {}

    static final long S = 1_000_000_000L;
    /** initialHeartbeatStagger: the first heartbeat after registering comes within this. */
    public static final long INITIAL_HEARTBEAT_STAGGER = 10 * S;
    /** registerRetryIntv: a failed registration is retried after this plus a stagger of as much. */
    public static final long REGISTER_RETRY = 15 * S;
    /** noServerRetryIntv: retry when no server is known. */
    public static final long NO_SERVER_RETRY = S;
    /** getAllocRetryIntv: a failed allocation query is retried after this plus a stagger. */
    public static final long GET_ALLOC_RETRY = 30 * S;
    /** allocSyncIntv: allocation status updates are batched this often. */
    public static final long ALLOC_SYNC = 200_000_000L;
    /** allocSyncRetryIntv: a failed batch is retried after this plus a stagger. */
    public static final long ALLOC_SYNC_RETRY = 5 * S;
    /** The client's RPCHoldTimeout: how long one RPC keeps trying servers. */
    public static final long RPC_HOLD_TIMEOUT = 5 * S;
    /** A blocking query's longest wait (the servers' default max query time, 5 min). */
    public static final long BLOCKING_MAX_WAIT = 300 * S;
    /**
     * How long one attempt waits for a server before moving on (our assumption: a dead host is
     * noticed by a TCP connect or I/O timeout; 2 s keeps a few attempts within the hold timeout).
     */
    public static final long ATTEMPT_TIMEOUT = 2 * S;
}
