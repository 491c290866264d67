package io.clustersim.reports.text;

import io.clustersim.reports.stats.Summary;
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
        for (Map.Entry<String, Long> e : r.counters().entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %d%n", e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, double[]> e : r.samples().entrySet()) {
            Summary s = Summary.of(e.getValue());
            if (s.count() == 0) {
                sb.append(String.format(Locale.ROOT, "  %-28s (no observations)%n", e.getKey()));
            } else {
                sb.append(String.format(Locale.ROOT, "  %-28s n=%d p50=%.3f p90=%.3f p99=%.3f max=%.3f%n",
                        e.getKey(), s.count(), s.p50(), s.p90(), s.p99(), s.max()));
            }
        }
        return sb.toString();
    }
}
