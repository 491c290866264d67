package io.clustersim.cli;

/** The process exit codes, part of the CLI's contract with scripts and CI. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int SAFETY_VIOLATION = 3;
    /** {@code clustersim check} found a run that broke a safety invariant or an expectation. */
    public static final int CHECK_FAILED = 4;

    private ExitCodes() {}
}
