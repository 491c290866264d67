package io.clustersim.raft.core;

/**
 * The outcome of a host's own write on the leader (hashicorp/raft's ApplyFuture). Called once,
 * after the server has finished handling whatever event decided it, so the host may call into the
 * server again from here.
 */
public interface ApplyCallback {
    /** The write was committed and applied at {@code index}; {@code result} is the state machine's answer. */
    void applied(long index, Object result);

    /** The write did not happen, or may not have (leadership was lost before it applied). */
    void failed(ApplyError error);

    /** For writes whose outcome nobody waits for (a retry happens elsewhere if it is lost). */
    ApplyCallback IGNORE = new ApplyCallback() {
        @Override
        public void applied(long index, Object result) {}

        @Override
        public void failed(ApplyError error) {}
    };
}
