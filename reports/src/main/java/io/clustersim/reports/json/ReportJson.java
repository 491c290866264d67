package io.clustersim.reports.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.reports.stats.Summary;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds {@code report.json}. Key order is fixed by construction and numbers are written by
 * Jackson's locale-independent formatting, so equal results give equal bytes.
 */
public final class ReportJson {
    /** Bumped whenever a field changes meaning or disappears; new fields do not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static ObjectNode toTree(RunResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("scenario", r.scenario());
        root.put("seed", r.seed());
        root.put("simulatedSeconds", r.simulatedNanos() / 1e9);
        root.put("events", r.events());
        root.put("traceHash", r.traceHash());
        root.set("metrics", group(r.metrics()));
        return root;
    }

    private static ObjectNode group(Map<String, Metric> metrics) {
        ObjectNode n = MAPPER.createObjectNode();
        for (Map.Entry<String, Metric> e : metrics.entrySet()) {
            Metric m = e.getValue();
            if (m instanceof Metric.Count c) {
                n.put(e.getKey(), c.value());
            } else if (m instanceof Metric.Value v) {
                put(n, e.getKey(), v.value());
            } else if (m instanceof Metric.Samples s) {
                n.set(e.getKey(), summary(Summary.of(s.values())));
            } else if (m instanceof Metric.Timeline t) {
                ArrayNode steps = n.putArray(e.getKey());
                for (int i = 0; i < t.values().length; i++) {
                    ObjectNode step = steps.addObject();
                    step.put("atSeconds", t.timesNanos()[i] / 1e9);
                    put(step, "value", t.values()[i]);
                }
            } else {
                n.set(e.getKey(), group(((Metric.Group) m).members()));
            }
        }
        return n;
    }

    static ObjectNode summary(Summary s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("count", s.count());
        put(n, "min", s.min());
        put(n, "mean", s.mean());
        put(n, "p50", s.p50());
        put(n, "p90", s.p90());
        put(n, "p99", s.p99());
        put(n, "max", s.max());
        return n;
    }

    /** A figure, or null where there is none: NaN and infinities are not JSON numbers. */
    public static void put(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    public static String render(RunResult r) {
        return render(r, java.util.Optional.empty());
    }

    /** With the analytic quorum availability beside the measured one, when the scenario has one. */
    public static String render(RunResult r, java.util.Optional<Double> analytic) {
        try {
            ObjectNode tree = toTree(r);
            analytic.ifPresent(a -> tree.putObject("crossCheck").put("analyticWriteAvailability", a)
                    .put("method", "k-of-n servers up, each MTTF/(MTTF+MTTR), independent; no elections or timeouts"));
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code dir/report.json} atomically. */
    public static Path write(RunResult r, Path dir) throws IOException {
        return write(r, java.util.Optional.empty(), dir);
    }

    public static Path write(RunResult r, java.util.Optional<Double> analytic, Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.write(target, render(r, analytic));
        return target;
    }
}
