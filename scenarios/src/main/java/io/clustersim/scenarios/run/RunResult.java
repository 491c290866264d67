package io.clustersim.scenarios.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run produced. Everything here is a pure function of (scenario, seed).
 *
 * @param metrics metrics by name, in report order
 * @param summary lines for the printed summary (e.g. who led each region, when)
 * @param telemetry every instrument the run recorded, for time series and tests (null if none)
 * @param fired every fault as it fired (when, on whom), in order
 */
public record RunResult(
        String scenario,
        long seed,
        long simulatedNanos,
        long events,
        String traceHash,
        Map<String, Metric> metrics,
        java.util.List<String> summary,
        io.clustersim.kernel.telemetry.Telemetry telemetry,
        java.util.List<io.clustersim.faults.Fired> fired) {

    public RunResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        summary = java.util.List.copyOf(summary);
        fired = java.util.List.copyOf(fired);
    }

    public RunResult(String scenario, long seed, long simulatedNanos, long events, String traceHash,
            Map<String, Metric> metrics) {
        this(scenario, seed, simulatedNanos, events, traceHash, metrics, java.util.List.of(), null, java.util.List.of());
    }

    /**
     * This run without its telemetry, which is most of its memory: what replications keep of every
     * run but the first (the one whose charts a report draws).
     */
    public RunResult withoutTelemetry() {
        return telemetry == null ? this : new RunResult(scenario, seed, simulatedNanos, events, traceHash, metrics, summary, null, fired);
    }

    /** A count of the report by name; 0 when the run has none. */
    public long count(String key) {
        return metrics.get(key) instanceof Metric.Count c ? c.value() : 0;
    }

    /** A value of the report by name; NaN when the run has none. */
    public double value(String key) {
        return metrics.get(key) instanceof Metric.Value v ? v.value() : Double.NaN;
    }
}
