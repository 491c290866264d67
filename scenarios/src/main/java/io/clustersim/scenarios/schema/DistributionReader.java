package io.clustersim.scenarios.schema;

import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.random.EmpiricalDistribution;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a duration-valued distribution. Accepted forms (values are durations):
 * <pre>
 *   2ms                                         # constant
 *   { constant: 2ms }
 *   { uniform: [150ms, 300ms] }                 # or { uniform: { min: 150ms, max: 300ms } }
 *   { exponential: { mean: 30d } }
 *   { normal: { mean: 70ms, stddev: 5ms } }
 *   { lognormal: { median: 0.3ms, p99: 1ms } }  # or { median: .., sigma: 0.5 }
 *   { weibull: { shape: 1.5, scale: 10m } }
 *   { percentiles: { p50: 1ms, p90: 3ms, p99: 12ms } }
 * </pre>
 */
public final class DistributionReader {
    static final List<String> KINDS = List.of("constant", "uniform", "exponential", "normal", "lognormal", "weibull", "percentiles");

    private DistributionReader() {}

    public static Distribution readDuration(YamlNode node) {
        if (node instanceof YamlNode.Scalar) {
            return new Distribution.Constant(YamlMap.asDuration(node, "a duration or a distribution"));
        }
        YamlMap m = YamlMap.of(node, "a distribution such as { lognormal: { median: 1ms, p99: 5ms } }");
        if (m.keys().size() != 1) {
            throw InputError.at(node, "expected exactly one distribution kind, one of: " + String.join(", ", KINDS));
        }
        String kind = m.keys().iterator().next();
        YamlNode body = m.node().entries().get(kind);
        try {
            return switch (kind) {
                case "constant" -> new Distribution.Constant(YamlMap.asDuration(body, "the constant value"));
                case "uniform" -> uniform(body);
                case "exponential" -> {
                    YamlMap b = YamlMap.of(body, "exponential parameters").allowOnly("mean");
                    yield new Distribution.Exponential(positive(b, "mean"));
                }
                case "normal" -> {
                    YamlMap b = YamlMap.of(body, "normal parameters").allowOnly("mean", "stddev");
                    yield new Distribution.Normal(b.durationNanos("mean", "the mean"), positive(b, "stddev"));
                }
                case "lognormal" -> lognormal(body);
                case "weibull" -> {
                    YamlMap b = YamlMap.of(body, "weibull parameters").allowOnly("shape", "scale");
                    double shape = b.number("shape", "the shape", Double.NaN, 1e-9, 1e9);
                    if (Double.isNaN(shape)) {
                        b.require("shape", "a positive number");
                    }
                    yield new Distribution.Weibull(shape, positive(b, "scale"));
                }
                case "percentiles" -> percentiles(body);
                default -> throw InputError.at(body, "unknown distribution '" + kind + "'; expected one of: " + String.join(", ", KINDS));
            };
        } catch (IllegalArgumentException e) {
            throw InputError.at(body, e.getMessage());
        }
    }

    private static double positive(YamlMap b, String key) {
        long v = b.durationNanos(key, "the " + key);
        if (v <= 0) {
            throw InputError.at(b.node().entries().get(key), "expected " + key + " greater than zero");
        }
        return v;
    }

    private static Distribution uniform(YamlNode body) {
        long lo;
        long hi;
        if (body instanceof YamlNode.Sequence s) {
            if (s.items().size() != 2) {
                throw InputError.at(body, "expected [min, max]");
            }
            lo = YamlMap.asDuration(s.items().get(0), "the minimum");
            hi = YamlMap.asDuration(s.items().get(1), "the maximum");
        } else {
            YamlMap b = YamlMap.of(body, "[min, max] or { min, max }").allowOnly("min", "max");
            lo = b.durationNanos("min", "the minimum");
            hi = b.durationNanos("max", "the maximum");
        }
        if (hi < lo) {
            throw InputError.at(body, "expected min <= max");
        }
        return new Distribution.Uniform(lo, hi);
    }

    private static Distribution lognormal(YamlNode body) {
        YamlMap b = YamlMap.of(body, "lognormal parameters").allowOnly("median", "p99", "sigma");
        double median = positive(b, "median");
        if (b.has("p99") == b.has("sigma")) {
            throw InputError.at(body, "expected exactly one of p99 or sigma beside median");
        }
        if (b.has("p99")) {
            double p99 = positive(b, "p99");
            if (p99 <= median) {
                throw InputError.at(b.node().entries().get("p99"), "expected p99 greater than the median");
            }
            return Distribution.LogNormal.ofMedianAndP99(median, p99);
        }
        return new Distribution.LogNormal(Math.log(median), b.number("sigma", "sigma", 0, 1e-9, 100));
    }

    private static Distribution percentiles(YamlNode body) {
        YamlMap b = YamlMap.of(body, "a percentile table such as { p50: 1ms, p99: 5ms }");
        Map<Double, Double> table = new TreeMap<>();
        for (var e : b.node().entries().entrySet()) {
            String key = e.getKey();
            double p;
            try {
                if (!key.startsWith("p")) {
                    throw new NumberFormatException();
                }
                p = Double.parseDouble(key.substring(1));
            } catch (NumberFormatException ex) {
                throw InputError.at(e.getValue(), "expected a percentile key such as p50 or p99.9, got '" + key + "'");
            }
            if (p < 0 || p > 100) {
                throw InputError.at(e.getValue(), "percentile must be within p0..p100, got '" + key + "'");
            }
            table.put(p, (double) YamlMap.asDuration(e.getValue(), "the " + key + " value"));
        }
        return EmpiricalDistribution.ofPercentiles(table);
    }
}
