package io.clustersim.kernel.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * A probability distribution of a real value. Values carry no unit of their own; duration-valued
 * distributions (latency, fsync, time to failure) hold nanoseconds.
 */
public sealed interface Distribution
        permits Distribution.Constant,
                Distribution.Uniform,
                Distribution.Exponential,
                Distribution.Normal,
                Distribution.LogNormal,
                Distribution.Weibull,
                EmpiricalDistribution {

    /** A sampler bound to {@code rng}. */
    Sampler sampler(UniformRandomProvider rng);

    /** P(X <= x), used by goodness-of-fit checks. */
    double cdf(double x);

    double mean();

    /** Every draw is {@code value}. */
    record Constant(double value) implements Distribution {
        public Sampler sampler(UniformRandomProvider rng) {
            return () -> value;
        }

        public double cdf(double x) {
            return x >= value ? 1 : 0;
        }

        public double mean() {
            return value;
        }
    }

    /** Uniform on [low, high). */
    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            require(high >= low, "uniform needs low <= high");
        }

        public Sampler sampler(UniformRandomProvider rng) {
            return high == low ? () -> low : () -> low + (high - low) * rng.nextDouble();
        }

        public double cdf(double x) {
            return high == low ? (x >= low ? 1 : 0) : UniformContinuousDistribution.of(low, high).cumulativeProbability(x);
        }

        public double mean() {
            return (low + high) / 2;
        }
    }

    record Exponential(double mean) implements Distribution {
        public Exponential {
            require(mean > 0, "exponential needs mean > 0");
        }

        public Sampler sampler(UniformRandomProvider rng) {
            return bind(ExponentialDistribution.of(mean), rng);
        }

        public double cdf(double x) {
            return ExponentialDistribution.of(mean).cumulativeProbability(x);
        }
    }

    record Normal(double mean, double stddev) implements Distribution {
        public Normal {
            require(stddev > 0, "normal needs stddev > 0");
        }

        public Sampler sampler(UniformRandomProvider rng) {
            return bind(NormalDistribution.of(mean, stddev), rng);
        }

        public double cdf(double x) {
            return NormalDistribution.of(mean, stddev).cumulativeProbability(x);
        }
    }

    /** ln X is normal with location {@code mu} and scale {@code sigma}. */
    record LogNormal(double mu, double sigma) implements Distribution {
        /** 99th percentile of the standard normal. */
        public static final double Z99 = 2.3263478740408408;

        public LogNormal {
            require(sigma > 0, "lognormal needs sigma > 0");
        }

        /** The usual way operators describe latency: its median and its p99. */
        public static LogNormal ofMedianAndP99(double median, double p99) {
            require(median > 0 && p99 > median, "lognormal needs 0 < median < p99");
            return new LogNormal(Math.log(median), (Math.log(p99) - Math.log(median)) / Z99);
        }

        public Sampler sampler(UniformRandomProvider rng) {
            return bind(LogNormalDistribution.of(mu, sigma), rng);
        }

        public double cdf(double x) {
            return LogNormalDistribution.of(mu, sigma).cumulativeProbability(x);
        }

        public double mean() {
            return Math.exp(mu + sigma * sigma / 2);
        }
    }

    record Weibull(double shape, double scale) implements Distribution {
        public Weibull {
            require(shape > 0 && scale > 0, "weibull needs shape > 0 and scale > 0");
        }

        public Sampler sampler(UniformRandomProvider rng) {
            return bind(WeibullDistribution.of(shape, scale), rng);
        }

        public double cdf(double x) {
            return WeibullDistribution.of(shape, scale).cumulativeProbability(x);
        }

        public double mean() {
            return WeibullDistribution.of(shape, scale).getMean();
        }
    }

    private static Sampler bind(ContinuousDistribution d, UniformRandomProvider rng) {
        ContinuousDistribution.Sampler s = d.createSampler(rng);
        return s::sample;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
