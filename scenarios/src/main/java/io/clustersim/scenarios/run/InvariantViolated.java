package io.clustersim.scenarios.run;

import java.util.List;

/**
 * A safety invariant broke during a run. Carries what a person needs to reproduce and debug it:
 * the scenario, the seed, the invariant and the last events of the trace.
 */
public final class InvariantViolated extends RuntimeException {
    private final String scenario;
    private final long seed;
    private final String invariant;
    private final long atNanos;
    private final List<String> traceTail;

    public InvariantViolated(String scenario, long seed, String invariant, String detail, long atNanos,
            List<String> traceTail, Throwable cause) {
        super("safety invariant violated: " + invariant + ": " + detail, cause);
        this.scenario = scenario;
        this.seed = seed;
        this.invariant = invariant;
        this.atNanos = atNanos;
        this.traceTail = List.copyOf(traceTail);
    }

    public String scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    public String invariant() {
        return invariant;
    }

    public long atNanos() {
        return atNanos;
    }

    public List<String> traceTail() {
        return traceTail;
    }
}
