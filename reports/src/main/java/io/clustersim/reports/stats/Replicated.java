package io.clustersim.reports.stats;

import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's metrics across replications, in the first run's order: each count or value as an
 * {@link Interval} over the runs, each sampled metric as one summary of every run's observations
 * pooled. Groups and timelines belong to single runs and are left to {@code runs.csv} and each
 * run's own replay.
 */
public final class Replicated {
    /** One metric across the runs. */
    public sealed interface Across {
        /** A count or a value, one per run. */
        record Scalar(Interval interval, double[] perRun) implements Across {}

        /** Observations of every run together. */
        record Pooled(Summary summary) implements Across {}
    }

    private Replicated() {}

    public static Map<String, Across> of(List<RunResult> runs) {
        Map<String, Across> out = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> e : runs.get(0).metrics().entrySet()) {
            String key = e.getKey();
            Metric first = e.getValue();
            if (first instanceof Metric.Count || first instanceof Metric.Value) {
                double[] xs = new double[runs.size()];
                for (int i = 0; i < runs.size(); i++) {
                    xs[i] = scalar(runs.get(i).metrics().get(key));
                }
                out.put(key, new Across.Scalar(Interval.of(withoutNaN(xs)), xs));
            } else if (first instanceof Metric.Samples) {
                List<Double> all = new ArrayList<>();
                for (RunResult r : runs) {
                    if (r.metrics().get(key) instanceof Metric.Samples s) {
                        for (double v : s.values()) {
                            all.add(v);
                        }
                    }
                }
                out.put(key, new Across.Pooled(Summary.of(all.stream().mapToDouble(Double::doubleValue).toArray())));
            }
        }
        return out;
    }

    /** A count or value of one run as a number (NaN when the run had none). */
    public static double scalar(Metric m) {
        if (m instanceof Metric.Count c) {
            return c.value();
        } else if (m instanceof Metric.Value v) {
            return v.value();
        }
        return Double.NaN;
    }

    private static double[] withoutNaN(double[] xs) {
        return java.util.Arrays.stream(xs).filter(x -> !Double.isNaN(x)).toArray();
    }
}
