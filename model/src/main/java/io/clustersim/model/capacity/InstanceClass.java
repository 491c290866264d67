package io.clustersim.model.capacity;

import java.util.List;

/**
 * A server machine's size. {@link #SMALL} and {@link #LARGE} are the two sizes of Nomad's
 * reference architecture (nomad {@code website/content/docs/deploy/production/reference-architecture.mdx}:
 * small 2-4 cores and 8-16 GB, e.g. m5.xlarge; large 8-16 cores and 32-64 GB, e.g. m5.4xlarge), each at
 * the top of its range; a scenario may define others.
 */
public record InstanceClass(String name, int cores, long memoryBytes) {
    private static final long GIB = 1L << 30;

    public static final InstanceClass SMALL = new InstanceClass("small", 4, 16 * GIB);
    public static final InstanceClass LARGE = new InstanceClass("large", 16, 64 * GIB);

    /** The classes every scenario knows by name. */
    public static final List<InstanceClass> CATALOGUE = List.of(SMALL, LARGE);

    public InstanceClass {
        if (cores < 1) {
            throw new IllegalArgumentException("an instance class needs at least one core");
        }
        if (memoryBytes < 1) {
            throw new IllegalArgumentException("an instance class needs memory");
        }
    }
}
