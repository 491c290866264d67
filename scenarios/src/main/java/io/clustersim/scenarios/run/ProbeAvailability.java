package io.clustersim.scenarios.run;

import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;
import java.util.List;
import java.util.function.Predicate;

/**
 * The probes' write availability over a stretch of time, as the report combines it (each probe's
 * time-weighted share of good writes, weighted by how long it was up in the stretch), over the
 * probes {@code where} admits. NaN when none was up: a stretch nobody observed has no availability.
 */
public final class ProbeAvailability {
    private ProbeAvailability() {}

    public static double writes(Telemetry t, long from, long to, Predicate<Labels> where) {
        List<Telemetry.Entry> probes = t.entries(NomadMetrics.WRITE_AVAILABILITY).stream().filter(e -> where.test(e.labels())).toList();
        return ((Metric.Value) TelemetryReport.combine(NomadMetrics.WRITE_AVAILABILITY, probes, from, to)).value();
    }
}
