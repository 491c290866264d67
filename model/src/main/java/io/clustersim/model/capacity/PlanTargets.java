package io.clustersim.model.capacity;

/**
 * What a capacity plan holds each size to: the service levels (Raft commit time p99 on the leader,
 * nodes falsely marked down, write availability) and the headroom to leave (the busiest server's
 * CPU utilisation at most 1 - headroom at the planned load). The defaults are the examples of the
 * capacity-planning issue: commit p99 within 100 ms, no node falsely marked down, 99.9% of writes,
 * 30% headroom.
 */
public record PlanTargets(double commitP99Ms, long maxNodesFalselyMarkedDown, double minWriteAvailability, double headroom) {
    public static final PlanTargets DEFAULTS = new PlanTargets(100, 0, 0.999, 0.3);

    public PlanTargets {
        if (!(commitP99Ms > 0)) {
            throw new IllegalArgumentException("the commit p99 target must be above zero");
        }
        if (maxNodesFalselyMarkedDown < 0) {
            throw new IllegalArgumentException("the false-down target must not be negative");
        }
        if (!(minWriteAvailability >= 0 && minWriteAvailability <= 1)) {
            throw new IllegalArgumentException("the write availability target is a share, 0 to 1");
        }
        if (!(headroom >= 0 && headroom < 1)) {
            throw new IllegalArgumentException("the headroom is a share below 1");
        }
    }
}
