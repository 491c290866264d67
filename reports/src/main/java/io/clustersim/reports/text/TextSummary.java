package io.clustersim.reports.text;

import io.clustersim.reports.stats.Summary;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.util.Locale;
import java.util.Map;

/** The one-screen summary printed after a run. */
public final class TextSummary {
    private TextSummary() {}

    public static String render(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  seed %d  simulated %.1fs  events %d  traceHash %s%n",
                r.scenario(), r.seed(), r.simulatedNanos() / 1e9, r.events(), r.traceHash()));
        Map<String, Metric> top = new java.util.LinkedHashMap<>(r.metrics());
        // The per-region and per-zone breakdown is in report.json; one screen shows the totals.
        top.remove("regions");
        render(sb, "", top);
        for (String line : r.summary()) {
            sb.append("  ").append(line).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static void render(StringBuilder sb, String prefix, Map<String, Metric> metrics) {
        for (Map.Entry<String, Metric> e : metrics.entrySet()) {
            String name = prefix + e.getKey();
            Metric m = e.getValue();
            if (m instanceof Metric.Count c) {
                sb.append(String.format(Locale.ROOT, "  %-34s %d%n", name, c.value()));
            } else if (m instanceof Metric.Value v) {
                sb.append(String.format(Locale.ROOT, "  %-34s %.3f%n", name, v.value()));
            } else if (m instanceof Metric.Samples s) {
                Summary x = Summary.of(s.values());
                if (x.count() == 0) {
                    sb.append(String.format(Locale.ROOT, "  %-34s (no observations)%n", name));
                } else {
                    sb.append(String.format(Locale.ROOT, "  %-34s n=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f%n",
                            name, x.count(), x.p50(), x.p90(), x.p99(), x.max()));
                }
            } else if (m instanceof Metric.Timeline t) {
                // The summary lines below name what changed and when; the report has every step.
                sb.append(String.format(Locale.ROOT, "  %-34s %d changes, last %.0f%n", name,
                        t.values().length - 1, t.values()[t.values().length - 1]));
            } else {
                render(sb, name + ".", ((Metric.Group) m).members());
            }
        }
    }
}
