package io.clustersim.reports.csv;

import io.clustersim.reports.json.AtomicFiles;
import io.clustersim.reports.stats.Replicated;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code runs.csv}: a row per replication (its seed, events, trace hash) and a column per count or
 * value the report has, in report order: for a spreadsheet, a notebook or a CI artifact.
 */
public final class RunsCsv {
    private RunsCsv() {}

    public static String render(List<RunResult> runs) {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, Metric> e : runs.get(0).metrics().entrySet()) {
            if (e.getValue() instanceof Metric.Count || e.getValue() instanceof Metric.Value) {
                columns.add(e.getKey());
            }
        }
        StringBuilder sb = new StringBuilder("replication,seed,events,traceHash");
        columns.forEach(c -> sb.append(',').append(c));
        sb.append('\n');
        for (int i = 0; i < runs.size(); i++) {
            RunResult r = runs.get(i);
            sb.append(i + 1).append(',').append(r.seed()).append(',').append(r.events()).append(',').append(r.traceHash());
            for (String c : columns) {
                double v = Replicated.scalar(r.metrics().get(c));
                sb.append(',');
                if (!Double.isNaN(v)) {
                    sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6f", v));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static Path write(List<RunResult> runs, Path dir) throws IOException {
        Path target = dir.resolve("runs.csv");
        AtomicFiles.write(target, render(runs));
        return target;
    }
}
