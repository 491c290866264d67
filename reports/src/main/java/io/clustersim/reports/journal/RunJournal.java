package io.clustersim.reports.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finished runs, one JSON line each, appended and flushed as each run completes. A run is keyed by
 * its variant's label and its seed; the first line holds a fingerprint of what produced the runs
 * (the scenario file's text and the simulator's version), and a journal with another fingerprint is
 * started afresh rather than mixed in. A line cut short by an interruption is ignored.
 *
 * <p>A journalled run keeps what the reports across runs need (its metrics, seed, events, trace
 * hash, summary lines); its telemetry and fired faults are not kept, so the run whose charts a
 * report draws is simulated again (it is deterministic, so nothing changes).
 */
public final class RunJournal implements Closeable {
    /** The journal's file name in the output directory. */
    public static final String FILE = "finished-runs.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Map<String, RunResult> finished;
    private final BufferedWriter out;

    private RunJournal(Path file, Map<String, RunResult> finished, BufferedWriter out) {
        this.file = file;
        this.finished = finished;
        this.out = out;
    }

    /**
     * Opens the journal in {@code dir}: the runs it already holds under {@code fingerprint}, and a
     * writer for new ones. A missing journal, or one with another fingerprint, starts empty.
     */
    public static RunJournal open(Path dir, String fingerprint) throws IOException {
        Path file = dir.resolve(FILE);
        Map<String, RunResult> finished = new TreeMap<>();
        boolean matches = false;
        if (Files.exists(file)) {
            Iterator<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).iterator();
            matches = lines.hasNext() && fingerprint.equals(header(lines.next()));
            while (matches && lines.hasNext()) {
                Entry e = entry(lines.next());
                if (e != null) {
                    finished.put(key(e.variant(), e.run().seed()), e.run());
                }
            }
        }
        BufferedWriter out;
        if (matches) {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            // An interrupted append leaves a partial last line; end it so the next entry starts clean.
            out.newLine();
        } else {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            ObjectNode h = MAPPER.createObjectNode();
            h.put("fingerprint", fingerprint);
            out.write(MAPPER.writeValueAsString(h));
            out.newLine();
        }
        out.flush();
        return new RunJournal(file, finished, out);
    }

    /** The journalled run of {@code variant} with {@code seed}, or null if it has not finished. */
    public RunResult finished(String variant, long seed) {
        return finished.get(key(variant, seed));
    }

    /** How many runs the journal held when it was opened. */
    public int resumed() {
        return finished.size();
    }

    /** Appends a finished run; it is on disk when this returns. */
    public synchronized void append(String variant, RunResult r) {
        try {
            out.write(MAPPER.writeValueAsString(toTree(variant, r)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Closes the journal and removes it: every run it was for is in the report now. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    public Path file() {
        return file;
    }

    private static String key(String variant, long seed) {
        return variant + "\u0000" + seed;
    }

    private record Entry(String variant, RunResult run) {}

    private static String header(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            return n != null && n.hasNonNull("fingerprint") ? n.get("fingerprint").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The entry on one line, or null for a blank or cut-short line. */
    private static Entry entry(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(line);
            List<String> summary = new ArrayList<>();
            n.get("summary").forEach(s -> summary.add(s.asText()));
            RunResult r = new RunResult(n.get("scenario").asText(), n.get("seed").asLong(), n.get("simulatedNanos").asLong(),
                    n.get("events").asLong(), n.get("traceHash").asText(), metrics(n.get("metrics")), summary, null, List.of());
            return new Entry(n.get("variant").asText(), r);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    static ObjectNode toTree(String variant, RunResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("variant", variant);
        n.put("scenario", r.scenario());
        n.put("seed", r.seed());
        n.put("simulatedNanos", r.simulatedNanos());
        n.put("events", r.events());
        n.put("traceHash", r.traceHash());
        ArrayNode summary = n.putArray("summary");
        r.summary().forEach(summary::add);
        n.set("metrics", metricsTree(r.metrics()));
        return n;
    }

    /** Each metric tagged with its kind; doubles are written exactly (non-finite ones as text). */
    private static ObjectNode metricsTree(Map<String, Metric> metrics) {
        ObjectNode out = MAPPER.createObjectNode();
        for (Map.Entry<String, Metric> e : metrics.entrySet()) {
            ObjectNode m = out.putObject(e.getKey());
            Metric metric = e.getValue();
            if (metric instanceof Metric.Count c) {
                m.put("count", c.value());
            } else if (metric instanceof Metric.Value v) {
                m.set("value", number(v.value()));
            } else if (metric instanceof Metric.Samples s) {
                ArrayNode a = m.putArray("samples");
                for (double x : s.values()) {
                    a.add(number(x));
                }
            } else if (metric instanceof Metric.Timeline t) {
                ArrayNode times = m.putArray("timesNanos");
                ArrayNode values = m.putArray("values");
                for (int i = 0; i < t.timesNanos().length; i++) {
                    times.add(t.timesNanos()[i]);
                    values.add(number(t.values()[i]));
                }
            } else if (metric instanceof Metric.Group g) {
                m.set("group", metricsTree(g.members()));
            }
        }
        return out;
    }

    private static JsonNode number(double x) {
        return Double.isFinite(x) ? MAPPER.getNodeFactory().numberNode(x) : MAPPER.getNodeFactory().textNode(Double.toString(x));
    }

    private static double number(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    private static Map<String, Metric> metrics(JsonNode tree) {
        Map<String, Metric> out = new LinkedHashMap<>();
        tree.fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            Metric metric;
            if (m.has("count")) {
                metric = new Metric.Count(m.get("count").asLong());
            } else if (m.has("value")) {
                metric = new Metric.Value(number(m.get("value")));
            } else if (m.has("samples")) {
                double[] xs = new double[m.get("samples").size()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = number(m.get("samples").get(i));
                }
                metric = new Metric.Samples(xs);
            } else if (m.has("timesNanos")) {
                long[] times = new long[m.get("timesNanos").size()];
                double[] values = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    times[i] = m.get("timesNanos").get(i).asLong();
                    values[i] = number(m.get("values").get(i));
                }
                metric = new Metric.Timeline(times, values);
            } else {
                metric = new Metric.Group(metrics(m.get("group")));
            }
            out.put(e.getKey(), metric);
        });
        return out;
    }
}
