package io.clustersim.kernel.random;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A distribution given as a percentile table, the way latency is usually published
 * ({@code p50: 1ms, p90: 3ms, p99: 12ms}). Between listed percentiles the quantile function is
 * linear. Without an explicit {@code p0} the lower end is extrapolated linearly from the first
 * two points (floored at zero when the table's values are non-negative, as latencies are);
 * without {@code p100} the upper end likewise from the last two.
 */
public record EmpiricalDistribution(double[] probabilities, double[] values) implements Distribution {

    public EmpiricalDistribution {
        if (probabilities.length != values.length || probabilities.length < 2) {
            throw new IllegalArgumentException("a percentile table needs at least two points");
        }
        probabilities = probabilities.clone();
        values = values.clone();
        for (int i = 1; i < probabilities.length; i++) {
            if (!(probabilities[i] > probabilities[i - 1])) {
                throw new IllegalArgumentException("percentiles must increase");
            }
            if (values[i] < values[i - 1]) {
                throw new IllegalArgumentException("percentile values must not decrease");
            }
        }
        if (probabilities[0] != 0 || probabilities[probabilities.length - 1] != 1) {
            throw new IllegalArgumentException("the table must span p0 to p100 (use ofPercentiles)");
        }
    }

    /** Builds the table from percentiles (keys in [0, 100]) and fills in missing ends. */
    public static EmpiricalDistribution ofPercentiles(Map<Double, Double> percentileToValue) {
        TreeMap<Double, Double> t = new TreeMap<>();
        for (Map.Entry<Double, Double> e : percentileToValue.entrySet()) {
            double p = e.getKey();
            if (p < 0 || p > 100) {
                throw new IllegalArgumentException("percentile p" + p + " is outside 0..100");
            }
            t.put(p / 100.0, e.getValue());
        }
        if (t.size() < 2) {
            throw new IllegalArgumentException("a percentile table needs at least two percentiles");
        }
        double[] p = t.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = t.values().stream().mapToDouble(Double::doubleValue).toArray();
        if (p[0] > 0) {
            double slope = (v[1] - v[0]) / (p[1] - p[0]);
            double v0 = v[0] - slope * p[0];
            if (v[0] >= 0) {
                v0 = Math.max(0, v0); // a non-negative quantity (a latency) stays non-negative
            }
            p = prepend(0, p);
            v = prepend(v0, v);
        }
        int n = p.length;
        if (p[n - 1] < 1) {
            double slope = (v[n - 1] - v[n - 2]) / (p[n - 1] - p[n - 2]);
            p = Arrays.copyOf(p, n + 1);
            v = Arrays.copyOf(v, n + 1);
            p[n] = 1;
            v[n] = v[n - 1] + slope * (1 - p[n - 1]);
        }
        return new EmpiricalDistribution(p, v);
    }

    private static double[] prepend(double x, double[] a) {
        double[] r = new double[a.length + 1];
        r[0] = x;
        System.arraycopy(a, 0, r, 1, a.length);
        return r;
    }

    /** The quantile function: linear between the table's points. */
    public double quantile(double u) {
        int i = Arrays.binarySearch(probabilities, u);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (u - probabilities[lo]) / (probabilities[hi] - probabilities[lo]);
        return values[lo] + f * (values[hi] - values[lo]);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        return () -> quantile(rng.nextDouble());
    }

    @Override
    public double cdf(double x) {
        int n = values.length;
        if (x < values[0]) return 0;
        if (x >= values[n - 1]) return 1;
        for (int i = 1; i < n; i++) {
            if (x < values[i]) {
                double span = values[i] - values[i - 1];
                double f = span == 0 ? 1 : (x - values[i - 1]) / span;
                return probabilities[i - 1] + f * (probabilities[i] - probabilities[i - 1]);
            }
        }
        return 1;
    }

    @Override
    public double mean() {
        double m = 0;
        for (int i = 1; i < values.length; i++) {
            m += (probabilities[i] - probabilities[i - 1]) * (values[i] + values[i - 1]) / 2;
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmpiricalDistribution e
                && Arrays.equals(probabilities, e.probabilities)
                && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Empirical" + Arrays.toString(probabilities) + "->" + Arrays.toString(values);
    }
}
