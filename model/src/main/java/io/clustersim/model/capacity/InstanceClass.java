package io.clustersim.model.capacity;

import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.random.Distribution;
import java.util.List;

/**
 * A server machine's size. {@link #SMALL} and {@link #LARGE} are the two sizes of Nomad's
 * reference architecture (nomad {@code website/content/docs/deploy/production/reference-architecture.mdx}:
 * small 2-4 cores and 8-16 GB, e.g. m5.xlarge; large 8-16 cores and 32-64 GB, e.g. m5.4xlarge), each at
 * the top of its range; a scenario may define others. Its disk holds the Raft log and snapshots;
 * null leaves the servers the scenario's {@code disk:}. The reference architecture asks large
 * workloads for "disks with enough IOPS" and names none, so both disks are assumptions: small
 * servers a general-purpose SSD at its baseline (3,000 IOPS, as AWS gp3), large ones a provisioned
 * SSD (16,000 IOPS, gp3's most) with a faster fsync. Its NIC's bandwidth (bytes per second, 0 for
 * no limit) is shared by everything a server sends: the catalogue's are AWS's published baselines
 * of the two example instances (m5.xlarge 1.25 Gbit/s, m5.4xlarge 5 Gbit/s).
 */
public record InstanceClass(String name, int cores, long memoryBytes, DiskConfig disk, double nicBytesPerSecond) {
    private static final long GIB = 1L << 30;
    private static final long MS = 1_000_000L;

    public static final InstanceClass SMALL = new InstanceClass("small", 4, 16 * GIB,
            new DiskConfig(Distribution.LogNormal.ofMedianAndP99(1 * MS, 5 * MS), 3000), 1.25e9 / 8);
    public static final InstanceClass LARGE = new InstanceClass("large", 16, 64 * GIB,
            new DiskConfig(Distribution.LogNormal.ofMedianAndP99(0.5 * MS, 2 * MS), 16000), 5e9 / 8);

    /** The classes every scenario knows by name. */
    public static final List<InstanceClass> CATALOGUE = List.of(SMALL, LARGE);

    public InstanceClass {
        if (cores < 1) {
            throw new IllegalArgumentException("an instance class needs at least one core");
        }
        if (memoryBytes < 1) {
            throw new IllegalArgumentException("an instance class needs memory");
        }
        if (nicBytesPerSecond < 0) {
            throw new IllegalArgumentException("a NIC's bandwidth must not be negative");
        }
    }
}
