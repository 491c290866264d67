package io.clustersim.model.probe;

import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.MetricName;
import io.clustersim.kernel.telemetry.Samples;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.kernel.telemetry.TimeWeighted;
import io.clustersim.model.metrics.NomadMetrics;
import java.util.EnumMap;
import java.util.Map;

/** One probe's outcomes, per kind, into the run's telemetry, labelled with its region and zone. */
public final class ProbeRecorder {
    private final Map<ProbeKind, TimeWeighted> outcomes = new EnumMap<>(ProbeKind.class);
    private final Telemetry telemetry;
    private final Labels labels;
    private final Samples latency;

    public ProbeRecorder(Telemetry telemetry, Placement place) {
        this.telemetry = telemetry;
        this.labels = Labels.of("region", place.region(), "zone", place.zone());
        this.latency = telemetry.samples(NomadMetrics.PROBE_LATENCY_MS, labels);
    }

    /** The availability metric each kind of probe feeds. */
    public static MetricName metric(ProbeKind kind) {
        return switch (kind) {
            case WRITE -> NomadMetrics.WRITE_AVAILABILITY;
            case CONSISTENT_READ -> NomadMetrics.READ_AVAILABILITY_CONSISTENT;
            case STALE_READ -> NomadMetrics.READ_AVAILABILITY_STALE;
            case ACL_WRITE -> NomadMetrics.ACL_WRITE_AVAILABILITY;
        };
    }

    /** The attempt sent at {@code from}, standing for [from, to), was good or not. */
    void attempt(ProbeKind kind, long from, long to, boolean ok, long latencyNanos) {
        outcomes.computeIfAbsent(kind, k -> telemetry.timeWeighted(metric(k), labels)).add(from, to, ok ? 1 : 0);
        if (ok) {
            latency.add(latencyNanos / 1e6);
        }
    }
}
