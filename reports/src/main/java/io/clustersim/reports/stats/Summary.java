package io.clustersim.reports.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The summary object reports use for any sampled metric: {@code {count, min, mean, p50, p90, p99, max}}.
 * With no observations every figure but the count is null in JSON (absent, not zero: zero would
 * claim something was measured).
 */
public record Summary(long count, double min, double mean, double p50, double p90, double p99, double max) {

    public static Summary of(double[] values) {
        if (values.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        // Without a copy the quantiles are selected in place, which reorders the array: read the
        // extremes first.
        double[] q = Quantile.withDefaults().withCopy(false).evaluate(sorted, 0.5, 0.9, 0.99);
        return new Summary(sorted.length, min, sum / sorted.length, q[0], q[1], q[2], max);
    }
}
