package io.clustersim.kernel.random;

/** Draws values of one distribution from one random stream. */
@FunctionalInterface
public interface Sampler {
    double sample();

    /** A sample used as a duration: rounded to whole nanoseconds and never negative. */
    default long sampleNanos() {
        double v = sample();
        if (!(v > 0)) {
            return 0;
        }
        return v >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(v);
    }
}
