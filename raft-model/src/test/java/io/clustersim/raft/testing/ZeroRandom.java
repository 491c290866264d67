package io.clustersim.raft.testing;

import org.apache.commons.rng.UniformRandomProvider;

/** A "random" source that always draws its lowest value, so randomised timeouts take their minimum. */
public final class ZeroRandom implements UniformRandomProvider {
    @Override
    public long nextLong() {
        return 0;
    }

    @Override
    public int nextInt() {
        return 0;
    }

    @Override
    public int nextInt(int n) {
        return 0;
    }

    @Override
    public long nextLong(long n) {
        return 0;
    }

    @Override
    public double nextDouble() {
        return 0;
    }
}
