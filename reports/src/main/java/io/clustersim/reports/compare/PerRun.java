package io.clustersim.reports.compare;

import io.clustersim.reports.stats.Replicated;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: each count or value of the report, one figure per run, in report
 * order. Made from finished runs, or read back from a {@code runs.csv} an earlier run wrote.
 */
public record PerRun(String name, Map<String, double[]> values) {

    public static PerRun of(String name, List<RunResult> runs) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> e : runs.get(0).metrics().entrySet()) {
            if (e.getValue() instanceof Metric.Count || e.getValue() instanceof Metric.Value) {
                double[] xs = new double[runs.size()];
                for (int i = 0; i < runs.size(); i++) {
                    xs[i] = Replicated.scalar(runs.get(i).metrics().get(e.getKey()));
                }
                out.put(e.getKey(), xs);
            }
        }
        return new PerRun(name, out);
    }

    /** Reads {@code runs.csv} (as {@code RunsCsv} writes it); empty cells are runs without the figure. */
    public static PerRun read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.size() < 2) {
            throw new IOException(csv + " holds no runs");
        }
        String[] header = lines.get(0).split(",", -1);
        int first = 4; // replication, seed, events, traceHash
        List<double[]> columns = new ArrayList<>();
        for (int c = first; c < header.length; c++) {
            columns.add(new double[lines.size() - 1]);
        }
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            for (int c = first; c < header.length; c++) {
                String cell = c < cells.length ? cells[c] : "";
                columns.get(c - first)[r - 1] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = first; c < header.length; c++) {
            out.put(header[c], columns.get(c - first));
        }
        return new PerRun(csv.getParent() == null ? csv.toString() : csv.getParent().toString(), out);
    }
}
