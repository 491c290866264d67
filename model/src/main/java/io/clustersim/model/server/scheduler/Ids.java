package io.clustersim.model.server.scheduler;

/**
 * Ids for the evaluations and allocations a leader creates. Nomad uses random UUIDs; ours are
 * {@code <prefix>-<n>}, where the prefix names the server and its start, so ids never repeat in a
 * run and stay the same for the same seed.
 */
public final class Ids {
    private final String prefix;
    private long evals;
    private long allocs;

    public Ids(String prefix) {
        this.prefix = prefix;
    }

    public String nextEval() {
        return prefix + "-e" + (++evals);
    }

    public String nextAlloc() {
        return prefix + "-a" + (++allocs);
    }
}
