package io.clustersim.reports.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code run-info.json}: the facts of a run that depend on when and where it ran. */
public final class RunInfoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunInfoJson() {}

    /**
     * @param startedAt ISO-8601 instant the run started
     * @param wallNanos how long the run took on the wall clock
     */
    public static Path write(RunResult r, String startedAt, long wallNanos, Path dir) throws IOException {
        return write(MAPPER.createObjectNode(), r.events(), r.simulatedNanos(), startedAt, wallNanos, dir);
    }

    /** For several replications: their events and simulated time summed, and the threads they ran on. */
    public static Path write(List<RunResult> runs, int threads, String startedAt, long wallNanos, Path dir) throws IOException {
        long events = 0;
        long simulated = 0;
        for (RunResult r : runs) {
            events += r.events();
            simulated += r.simulatedNanos();
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("replications", runs.size());
        // The thread count is wall-clock business too: it never enters report.json.
        n.put("threads", threads);
        return write(n, events, simulated, startedAt, wallNanos, dir);
    }

    private static Path write(ObjectNode n, long events, long simulatedNanos, String startedAt, long wallNanos, Path dir)
            throws IOException {
        n.put("startedAt", startedAt);
        n.put("wallSeconds", wallNanos / 1e9);
        n.put("eventsPerWallSecond", wallNanos == 0 ? 0 : events / (wallNanos / 1e9));
        n.put("simulatedSecondsPerWallSecond", wallNanos == 0 ? 0 : (simulatedNanos / 1e9) / (wallNanos / 1e9));
        n.put("javaVersion", System.getProperty("java.version"));
        n.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        Path target = dir.resolve("run-info.json");
        AtomicFiles.write(target, MAPPER.writeValueAsString(n) + "\n");
        return target;
    }
}
