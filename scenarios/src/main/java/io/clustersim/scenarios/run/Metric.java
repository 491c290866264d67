package io.clustersim.scenarios.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of a run's metrics, in report order. */
public sealed interface Metric {
    /** A count of things that happened. */
    record Count(long value) implements Metric {}

    /** A measured quantity, e.g. leaderless seconds. */
    record Value(double value) implements Metric {}

    /** Raw observations; reports summarise them as {count, min, mean, p50, p90, p99, max}. */
    record Samples(double[] values) implements Metric {
        public Samples {
            values = values.clone();
        }

        public static Samples of(java.util.List<Double> values) {
            return new Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /**
     * A value over time, as steps: {@code values[i]} holds from {@code timesNanos[i]} until the
     * next change (the peer set of a region, say).
     */
    record Timeline(long[] timesNanos, double[] values) implements Metric {
        public Timeline {
            if (timesNanos.length != values.length) {
                throw new IllegalArgumentException("a timeline needs a value for every change time");
            }
            timesNanos = timesNanos.clone();
            values = values.clone();
        }
    }

    /** Named sub-metrics, e.g. failure detection's {@code first} and {@code all}. */
    record Group(Map<String, Metric> members) implements Metric {
        public Group {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }
}
