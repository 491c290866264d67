package io.clustersim.reports.stats;

import org.apache.commons.statistics.descriptive.Max;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Min;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A metric across replications: the mean with its 95% confidence interval (Student's t with
 * n - 1 degrees of freedom), the sample standard deviation and the range, all from Commons Statistics.
 * With one replication the interval is undefined (NaN): one run is an anecdote.
 */
public record Interval(int n, double mean, double low, double high, double stddev, double min, double max) {

    public static Interval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Interval(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Mean.of(values).getAsDouble();
        double min = Min.of(values).getAsDouble();
        double max = Max.of(values).getAsDouble();
        if (n == 1) {
            return new Interval(1, mean, Double.NaN, Double.NaN, Double.NaN, min, max);
        }
        double sd = Math.sqrt(Variance.of(values).getAsDouble());
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new Interval(n, mean, mean - half, mean + half, sd, min, max);
    }

    /** Whether {@code x} lies inside the interval. */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** Availability as "nines": 0.999 is 3. Infinite for 1. */
    public static double nines(double availability) {
        return -Math.log10(1 - availability);
    }

    /** The downtime an availability means over a 30-day month, in minutes. */
    public static double downtimeMinutesPerMonth(double availability) {
        return (1 - availability) * 30 * 24 * 60;
    }
}
