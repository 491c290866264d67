package io.clustersim.kernel.telemetry;

import java.util.Objects;

/**
 * What a metric is: its report key, kind, unit and meaning. A domain names each of its metrics
 * once, in a catalogue, and records against that name.
 */
public record MetricName(String key, Kind kind, String unit, String description) {
    /** How values accumulate. */
    public enum Kind {
        /** A count of events. */
        COUNTER,
        /** Independent observations, summarised by percentiles. */
        SAMPLES,
        /** A value that holds until it changes, averaged over time (peer count, who leads). */
        LEVEL,
        /** A count that holds until it changes, per place; places add up (nodes ready per zone). */
        LEVEL_SUM,
        /** A value known for stretches of time, averaged over time (availability from probes). */
        TIME_WEIGHTED,
        /** A value read once, at the end. */
        GAUGE
    }

    public MetricName {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("a metric key is lower camel case, got '" + key + "'");
        }
    }

    public static MetricName counter(String key, String description) {
        return new MetricName(key, Kind.COUNTER, "count", description);
    }

    public static MetricName samples(String key, String unit, String description) {
        return new MetricName(key, Kind.SAMPLES, unit, description);
    }

    public static MetricName level(String key, String unit, String description) {
        return new MetricName(key, Kind.LEVEL, unit, description);
    }

    public static MetricName levelSum(String key, String unit, String description) {
        return new MetricName(key, Kind.LEVEL_SUM, unit, description);
    }

    public static MetricName timeWeighted(String key, String unit, String description) {
        return new MetricName(key, Kind.TIME_WEIGHTED, unit, description);
    }

    public static MetricName gauge(String key, String unit, String description) {
        return new MetricName(key, Kind.GAUGE, unit, description);
    }
}
