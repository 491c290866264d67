package io.clustersim.scenarios.run;

import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.MetricName;
import io.clustersim.kernel.telemetry.Telemetry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns a run's telemetry into the report's metric tree, by catalogue: each metric overall, then
 * per region and per zone where its instruments carry those labels. How instruments combine
 * follows their kind: counters and gauges add up, samples pool, time-weighted values weigh each
 * instrument by the time it knows (over the window given), levels average over that window.
 */
final class TelemetryReport {
    private final Telemetry telemetry;
    private final List<MetricName> catalogue;

    TelemetryReport(Telemetry telemetry, List<MetricName> catalogue) {
        this.telemetry = telemetry;
        this.catalogue = List.copyOf(catalogue);
    }

    /** Every catalogued metric with at least one instrument, over [from, to), overall. */
    void putOverall(Map<String, Metric> out, long from, long to) {
        put(out, from, to, l -> true);
    }

    /** The same, per region (and within it per zone). */
    Metric.Group byRegion(long from, long to) {
        Map<String, Metric> regions = new LinkedHashMap<>();
        for (String region : values("region")) {
            Map<String, Metric> r = new LinkedHashMap<>();
            put(r, from, to, l -> region.equals(l.get("region")));
            putTimelines(r, region);
            Map<String, Metric> zones = new LinkedHashMap<>();
            for (String zone : values("zone")) {
                if (telemetry.entries().stream().anyMatch(e -> region.equals(e.labels().get("region"))
                        && zone.equals(e.labels().get("zone")))) {
                    Map<String, Metric> z = new LinkedHashMap<>();
                    put(z, from, to, l -> region.equals(l.get("region")) && zone.equals(l.get("zone")));
                    zones.put(zone, new Metric.Group(z));
                }
            }
            if (!zones.isEmpty()) {
                r.put("zones", new Metric.Group(zones));
            }
            regions.put(region, new Metric.Group(r));
        }
        return new Metric.Group(regions);
    }

    /**
     * The time-weighted metrics over [from, to), and the observations of {@code sampled} made in
     * it: for each failure's window ("availability was 0.91 and the p99 latency 1.2 s while the
     * leader was down").
     */
    Metric.Group window(long from, long to, List<MetricName> sampled) {
        Metric.Group all = window(from, to, sampled, labels -> true);
        TreeSet<String> regions = values("region");
        if (regions.size() < 2) {
            return all;
        }
        // With several regions, each one's own figures too: one region's outage is not the others'.
        Map<String, Metric> out = new LinkedHashMap<>(all.members());
        Map<String, Metric> byRegion = new LinkedHashMap<>();
        for (String region : regions) {
            byRegion.put(region, window(from, to, sampled, labels -> region.equals(labels.get("region"))));
        }
        out.put("regions", new Metric.Group(byRegion));
        return new Metric.Group(out);
    }

    private Metric.Group window(long from, long to, List<MetricName> sampled, Predicate<Labels> where) {
        Map<String, Metric> out = new LinkedHashMap<>();
        for (MetricName name : catalogue) {
            if (name.kind() != MetricName.Kind.TIME_WEIGHTED) {
                continue;
            }
            List<Telemetry.Entry> matching = telemetry.entries(name).stream().filter(e -> where.test(e.labels())).toList();
            if (!matching.isEmpty()) {
                out.put(name.key(), combine(name, matching, from, to));
            }
        }
        for (MetricName name : sampled) {
            List<Double> all = new ArrayList<>();
            for (Telemetry.Entry e : telemetry.entries(name)) {
                if (!where.test(e.labels())) {
                    continue;
                }
                for (double v : e.samples().valuesBetween(from, to)) {
                    all.add(v);
                }
            }
            if (!all.isEmpty()) {
                out.put(name.key(), Metric.Samples.of(all));
            }
        }
        return new Metric.Group(out);
    }

    /** Each level the region has one instrument of (its peer set, its leader), step by step. */
    private void putTimelines(Map<String, Metric> out, String region) {
        for (MetricName name : catalogue) {
            if (name.kind() != MetricName.Kind.LEVEL) {
                continue;
            }
            List<Telemetry.Entry> matching = telemetry.entries(name).stream()
                    .filter(e -> region.equals(e.labels().get("region")) && e.labels().get("zone") == null).toList();
            if (matching.size() == 1) {
                Level l = matching.get(0).level();
                out.put(name.key() + "OverTime", new Metric.Timeline(l.changeTimes(), l.changeValues()));
            }
        }
    }

    /** The sum of several levels as one step series: a step wherever any of them changes. */
    private static Metric.Timeline sumTimeline(List<Telemetry.Entry> entries) {
        TreeSet<Long> times = new TreeSet<>();
        for (Telemetry.Entry e : entries) {
            for (long t : e.level().changeTimes()) {
                times.add(t);
            }
        }
        long[] ts = new long[times.size()];
        double[] vs = new double[times.size()];
        int i = 0;
        double last = Double.NaN;
        for (long t : times) {
            double v = 0;
            for (Telemetry.Entry e : entries) {
                if (e.level().startNanos() <= t) {
                    v += e.level().valueAt(t);
                }
            }
            if (i > 0 && v == last) {
                continue;
            }
            ts[i] = t;
            vs[i] = v;
            last = v;
            i++;
        }
        return new Metric.Timeline(java.util.Arrays.copyOf(ts, i), java.util.Arrays.copyOf(vs, i));
    }

    private TreeSet<String> values(String label) {
        TreeSet<String> out = new TreeSet<>();
        for (Telemetry.Entry e : telemetry.entries()) {
            String v = e.labels().get(label);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private void put(Map<String, Metric> out, long from, long to, Predicate<Labels> where) {
        for (MetricName name : catalogue) {
            List<Telemetry.Entry> matching = new ArrayList<>();
            for (Telemetry.Entry e : telemetry.entries(name)) {
                if (where.test(e.labels())) {
                    matching.add(e);
                }
            }
            if (!matching.isEmpty()) {
                out.put(name.key(), combine(name, matching, from, to));
                if (name.kind() == MetricName.Kind.LEVEL_SUM) {
                    out.put(name.key() + "OverTime", sumTimeline(matching));
                }
            }
        }
    }

    static Metric combine(MetricName name, List<Telemetry.Entry> entries, long from, long to) {
        switch (name.kind()) {
            case COUNTER -> {
                long sum = 0;
                for (Telemetry.Entry e : entries) {
                    sum += e.counter().value();
                }
                return new Metric.Count(sum);
            }
            case GAUGE -> {
                double sum = 0;
                for (Telemetry.Entry e : entries) {
                    sum += e.gauge();
                }
                return new Metric.Value(sum);
            }
            case SAMPLES -> {
                List<Double> all = new ArrayList<>();
                for (Telemetry.Entry e : entries) {
                    for (double v : e.samples().values()) {
                        all.add(v);
                    }
                }
                return Metric.Samples.of(all);
            }
            case TIME_WEIGHTED -> {
                double weighted = 0;
                long known = 0;
                for (Telemetry.Entry e : entries) {
                    long k = e.timeWeighted().knownNanos(from, to);
                    if (k > 0) {
                        weighted += e.timeWeighted().meanOver(from, to) * k;
                        known += k;
                    }
                }
                return new Metric.Value(known == 0 ? Double.NaN : weighted / known);
            }
            case LEVEL_SUM -> {
                double sum = 0;
                for (Telemetry.Entry e : entries) {
                    double m = e.level().meanOver(from, to);
                    if (!Double.isNaN(m)) {
                        sum += m;
                    }
                }
                return new Metric.Value(sum);
            }
            case LEVEL -> {
                double sum = 0;
                int n = 0;
                for (Telemetry.Entry e : entries) {
                    double m = e.level().meanOver(from, to);
                    if (!Double.isNaN(m)) {
                        sum += m;
                        n++;
                    }
                }
                return new Metric.Value(n == 0 ? Double.NaN : sum / n);
            }
            default -> throw new IllegalStateException("unknown kind " + name.kind());
        }
    }
}
