package io.clustersim.kernel.disk;

import io.clustersim.kernel.random.Distribution;

/**
 * A disk's performance.
 *
 * @param fsyncNanos time from issuing a synced write to its completion when the disk is idle
 * @param iops synced writes the device can start per second; 0 means unlimited
 */
public record DiskConfig(Distribution fsyncNanos, double iops) {
    public DiskConfig {
        if (iops < 0) {
            throw new IllegalArgumentException("iops must not be negative");
        }
    }

    /** An ideal disk: writes complete at the instant they are issued, no IOPS limit. Handy in tests. */
    public static DiskConfig instant() {
        return new DiskConfig(new Distribution.Constant(0), 0);
    }
}
