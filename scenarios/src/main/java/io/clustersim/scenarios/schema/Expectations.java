package io.clustersim.scenarios.schema;

/**
 * What a scenario promises beyond the safety invariants, which every run checks anyway: the
 * {@code expect:} section, checked by {@code clustersim check} on every run and usable from tests.
 *
 * @param writesRecoverWithinNanos after each fault starts and after it ends, the probes' writes all
 *     succeed again within this long (0: not checked)
 * @param noNodeFalselyMarkedDown no client is marked down while it could still reach a server
 * @param maxLeaderChanges at most this many leader changes in the run (-1: not checked)
 * @param minWriteAvailability the run's write availability is at least this (0: not checked)
 * @param allocationsPlacedWithinNanos after each fault ends, every allocation is placed again within
 *     this long (0: not checked); only for topologies with room to spare
 */
public record Expectations(long writesRecoverWithinNanos, boolean noNodeFalselyMarkedDown, long maxLeaderChanges,
        double minWriteAvailability, long allocationsPlacedWithinNanos) {
    /** Nothing beyond safety. */
    public static final Expectations NONE = new Expectations(0, false, -1, 0, 0);

    public boolean isEmpty() {
        return equals(NONE);
    }
}
