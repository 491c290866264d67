package io.clustersim.reports.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.reports.stats.Summary;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
    private static RunResult result() {
        Map<String, Metric> m = new LinkedHashMap<>();
        m.put("messagesSent", new Metric.Count(10));
        m.put("leaderlessSeconds", new Metric.Value(1.5));
        m.put("timeToRecoverSeconds", new Metric.Samples(new double[] {3, 1, 2}));
        m.put("commitLatencyMs", new Metric.Samples(new double[0]));
        m.put("failureDetectionSeconds", new Metric.Group(Map.of("first", new Metric.Samples(new double[] {7}))));
        return new RunResult("s", 42, 90_000_000_000L, 1234, "00000000deadbeef", m);
    }

    @Test
    void when_rendered_then_fieldsComeInSchemaOrderWithSummaries() {
        String json = ReportJson.render(result());
        assertThat(json).containsSubsequence("\"schemaVersion\" : 1", "\"scenario\" : \"s\"", "\"seed\" : 42",
                "\"simulatedSeconds\" : 90.0", "\"events\" : 1234", "\"traceHash\" : \"00000000deadbeef\"", "\"metrics\"",
                "\"messagesSent\" : 10", "\"leaderlessSeconds\" : 1.5", "\"timeToRecoverSeconds\"", "\"count\" : 3",
                "\"min\" : 1.0", "\"mean\" : 2.0", "\"p50\" : 2.0", "\"max\" : 3.0", "\"failureDetectionSeconds\"", "\"first\"");
    }

    @Test
    void when_noObservations_then_summaryFiguresAreNullNotZero() {
        String json = ReportJson.render(result());
        int at = json.indexOf("\"commitLatencyMs\"");
        assertThat(json.substring(at, json.indexOf('}', at))).contains("\"count\" : 0").contains("\"p50\" : null").doesNotContain("0.0");
    }

    @Test
    void when_renderedTwice_then_bytesAreEqual() {
        assertThat(ReportJson.render(result())).isEqualTo(ReportJson.render(result()));
    }

    @Test
    void when_written_then_onlyTheFinalFileRemains(@TempDir Path dir) throws Exception {
        ReportJson.write(result(), dir);
        ReportJson.write(result(), dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void summaryPercentilesFollowTheData() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + 1;
        }
        Summary s = Summary.of(v);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isBetween(499.0, 502.0);
        assertThat(s.p90()).isBetween(899.0, 902.0);
        assertThat(s.p99()).isBetween(989.0, 992.0);
        assertThat(s.max()).isEqualTo(1000);
    }
}
