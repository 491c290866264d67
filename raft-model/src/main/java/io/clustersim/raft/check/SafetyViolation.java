package io.clustersim.raft.check;

/** A breached safety invariant: which one, and what was seen. */
public final class SafetyViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String invariant;
    private final String detail;

    public SafetyViolation(String invariant, String detail) {
        super(invariant + ": " + detail);
        this.invariant = invariant;
        this.detail = detail;
    }

    /** The invariant's name, e.g. {@code ElectionSafety}. */
    public String invariant() {
        return invariant;
    }

    public String detail() {
        return detail;
    }
}
