package io.clustersim.raft.check;

/** The invariants the checker enforces (Raft paper, Figure 3, and the client's view). */
public final class Invariant {
    /** At most one leader per term. */
    public static final String ELECTION_SAFETY = "ElectionSafety";
    /** Two logs with an entry of the same index and term are identical up to that index. */
    public static final String LOG_MATCHING = "LogMatching";
    /** A committed entry is in the log of every leader of a later term. */
    public static final String LEADER_COMPLETENESS = "LeaderCompleteness";
    /** No two servers commit or apply different entries at the same index. */
    public static final String STATE_MACHINE_SAFETY = "StateMachineSafety";
    /** A write acknowledged to a client stays committed at its index. */
    public static final String ACKNOWLEDGED_WRITE_LOST = "AcknowledgedWriteLost";

    private Invariant() {}
}
