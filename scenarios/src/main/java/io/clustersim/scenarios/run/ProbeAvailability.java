package io.clustersim.scenarios.run;

import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;
import java.util.function.Predicate;

/**
 * The probes' write availability over a stretch of time: each probe's time-weighted share of good
 * writes, weighted by how long it was up in the stretch, over the probes {@code where} admits. NaN
 * when none of them was up: a stretch nobody could observe has no availability, not zero.
 */
public final class ProbeAvailability {
    private ProbeAvailability() {}

    public static double writes(Telemetry t, long from, long to, Predicate<Labels> where) {
        double weighted = 0;
        long known = 0;
        for (Telemetry.Entry e : t.entries(NomadMetrics.WRITE_AVAILABILITY)) {
            if (!where.test(e.labels())) {
                continue;
            }
            long k = e.timeWeighted().knownNanos(from, to);
            if (k > 0) {
                weighted += e.timeWeighted().meanOver(from, to) * k;
                known += k;
            }
        }
        return known == 0 ? Double.NaN : weighted / known;
    }
}
