package io.clustersim.kernel.node;

/** A pending timer of one process. Cancelling is O(log n) and safe to repeat. */
public interface Timer {
    void cancel();

    boolean isPending();
}
