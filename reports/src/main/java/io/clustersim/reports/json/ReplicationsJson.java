package io.clustersim.reports.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.reports.stats.Interval;
import io.clustersim.reports.stats.Replicated;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json} of several replications: the scenario, the base seed and every run's seed
 * and trace hash, then each metric across the runs (mean, 95% interval, standard deviation, range;
 * availabilities also as nines and downtime per month; sampled metrics pooled). A pure function of
 * (scenario, base seed, replications): the thread count does not enter it.
 */
public final class ReplicationsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReplicationsJson() {}

    public static ObjectNode toTree(List<RunResult> runs) {
        return toTree(runs, java.util.Optional.empty());
    }

    /** With the analytic quorum availability and whether the measured interval holds it. */
    public static ObjectNode toTree(List<RunResult> runs, java.util.Optional<Double> analytic) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", ReportJson.SCHEMA_VERSION);
        root.put("scenario", runs.get(0).scenario());
        root.put("seed", runs.get(0).seed());
        root.put("replications", runs.size());
        root.put("simulatedSeconds", runs.get(0).simulatedNanos() / 1e9);
        ArrayNode each = root.putArray("runs");
        for (RunResult r : runs) {
            ObjectNode o = each.addObject();
            o.put("seed", r.seed());
            o.put("events", r.events());
            o.put("traceHash", r.traceHash());
        }
        ObjectNode metrics = root.putObject("metrics");
        Map<String, Replicated.Across> across = Replicated.of(runs);
        for (Map.Entry<String, Replicated.Across> e : across.entrySet()) {
            if (e.getValue() instanceof Replicated.Across.Scalar s) {
                ObjectNode m = metrics.putObject(e.getKey());
                Interval i = s.interval();
                m.put("n", i.n());
                ReportJson.put(m, "mean", i.mean());
                ReportJson.put(m, "ci95Low", i.low());
                ReportJson.put(m, "ci95High", i.high());
                ReportJson.put(m, "stddev", i.stddev());
                ReportJson.put(m, "min", i.min());
                ReportJson.put(m, "max", i.max());
                if (e.getKey().endsWith("Availability") && i.n() > 0) {
                    ReportJson.put(m, "nines", Interval.nines(i.mean()));
                    ReportJson.put(m, "downtimeMinutesPerMonth", Interval.downtimeMinutesPerMonth(i.mean()));
                }
            } else {
                metrics.set(e.getKey(), ReportJson.summary(((Replicated.Across.Pooled) e.getValue()).summary()));
            }
        }
        if (analytic.isPresent() && across.get("writeAvailability") instanceof Replicated.Across.Scalar w) {
            ObjectNode c = root.putObject("crossCheck");
            c.put("analyticWriteAvailability", analytic.get());
            c.put("method", "k-of-n servers up, each MTTF/(MTTF+MTTR), independent; no elections or timeouts");
            // A miss is a finding: what the formula leaves out (elections, timeouts, removals) shows.
            c.put("withinInterval", w.interval().n() > 1 && w.interval().contains(analytic.get()));
        }
        return root;
    }

    public static Path write(List<RunResult> runs, Path dir) throws IOException {
        return write(runs, java.util.Optional.empty(), dir);
    }

    public static Path write(List<RunResult> runs, java.util.Optional<Double> analytic, Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        try {
            AtomicFiles.write(target, MAPPER.writeValueAsString(toTree(runs, analytic)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        return target;
    }
}
