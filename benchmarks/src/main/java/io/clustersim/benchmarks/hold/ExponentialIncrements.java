package io.clustersim.benchmarks.hold;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A fixed, cycled stream of Exp(mean 1 s) increments, identical for every implementation.
 *
 * <p>Why precomputed: the benchmark measures the event set, not the random generator. Drawing
 * from a table costs about a nanosecond and the same for all, and every implementation sees the
 * very same sequence of increments, so all of them hold the same event times (up to the
 * nanosecond rounding of ours). The table is generated once from a fixed seed with Commons RNG's
 * ziggurat exponential sampler; 2^16 entries are long enough that the cycle does not bias the
 * shape of the pending set even at N = 100,000, and short enough (512 KiB) to stay in L2.
 */
final class ExponentialIncrements {
    private static final int SIZE = 1 << 16;
    private static final int MASK = SIZE - 1;
    private static final long SEED = 20_240_601L;
    private static final double NANOS_PER_SECOND = 1e9;

    /** Increments in seconds, for the baselines that keep time as a double. */
    private static final double[] SECONDS = new double[SIZE];
    /** The same increments in nanoseconds, for our kernel's long clock. */
    private static final long[] NANOS = new long[SIZE];

    static {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng, 1.0);
        for (int i = 0; i < SIZE; i++) {
            double x = exponential.sample();
            SECONDS[i] = x;
            NANOS[i] = Math.round(x * NANOS_PER_SECOND);
        }
    }

    private int cursor;

    double nextSeconds() {
        return SECONDS[cursor++ & MASK];
    }

    long nextNanos() {
        return NANOS[cursor++ & MASK];
    }
}
