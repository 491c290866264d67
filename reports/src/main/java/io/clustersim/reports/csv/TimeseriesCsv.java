package io.clustersim.reports.csv;

import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.reports.json.AtomicFiles;
import io.clustersim.scenarios.run.ProbeAvailability;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code timeseries.csv}: one run over time, a row per region and time step (at most 300 steps,
 * at least a second each): the probes' write availability in the step, who led at its start, and
 * the region's client nodes ready and down. For plotting what the report's charts show elsewhere.
 */
public final class TimeseriesCsv {
    private TimeseriesCsv() {}

    public static String render(RunResult r) {
        Telemetry t = r.telemetry();
        long end = r.simulatedNanos();
        long step = Math.max(1_000_000_000L, end / 300);
        TreeSet<String> regions = new TreeSet<>();
        for (Telemetry.Entry e : t.entries(NomadMetrics.WRITE_AVAILABILITY)) {
            regions.add(String.valueOf(e.labels().get("region")));
        }
        StringBuilder sb = new StringBuilder("atSeconds,region,writeAvailability,leader,nodesReady,nodesDown\n");
        for (long from = 0; from < end; from += step) {
            long to = Math.min(end, from + step);
            for (String region : regions) {
                double a = ProbeAvailability.writes(t, from, to, l -> region.equals(l.get("region")));
                sb.append(String.format(Locale.ROOT, "%.3f", from / 1e9)).append(',').append(region).append(',')
                        .append(Double.isNaN(a) ? "" : String.format(Locale.ROOT, "%.6f", a)).append(',')
                        .append(level(t.entries(NomadMetrics.LEADER), region, from)).append(',')
                        .append(level(t.entries(NomadMetrics.NODES_READY), region, from)).append(',')
                        .append(level(t.entries(NomadMetrics.NODES_DOWN), region, from)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The summed value at {@code time} of the region's levels of one metric; empty if it has none. */
    private static String level(List<Telemetry.Entry> entries, String region, long time) {
        double v = 0;
        boolean any = false;
        for (Telemetry.Entry e : entries) {
            if (region.equals(e.labels().get("region")) && e.level().startNanos() <= time) {
                v += e.level().valueAt(time);
                any = true;
            }
        }
        return any ? Long.toString(Math.round(v)) : "";
    }

    public static Path write(RunResult r, Path dir) throws IOException {
        Path target = dir.resolve("timeseries.csv");
        AtomicFiles.write(target, render(r));
        return target;
    }
}
