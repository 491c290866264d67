package io.clustersim.reports.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
    private static RunResult run(long seed) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("writeAvailability", new Metric.Value(0.1 + 0.2));
        metrics.put("leaderChanges", new Metric.Count(3));
        metrics.put("noValue", new Metric.Value(Double.NaN));
        metrics.put("timeToRecoverSeconds", new Metric.Samples(new double[] {1.0 / 3, Double.POSITIVE_INFINITY, 2e-9}));
        metrics.put("raftPeers", new Metric.Timeline(new long[] {0, 5_000_000_001L}, new double[] {3, 2}));
        metrics.put("regions", new Metric.Group(Map.of("us-east", new Metric.Group(Map.of("writeAvailability", new Metric.Value(0.7))))));
        return new RunResult("s", seed, 60_000_000_000L, 12345, "abc", metrics, List.of("us-east: server-1 led"), null, List.of());
    }

    @Test
    void when_runsAreJournalled_then_reopeningGivesThemBackExactly(@TempDir Path dir) throws Exception {
        try (RunJournal j = RunJournal.open(dir, "fp")) {
            assertThat(j.resumed()).isZero();
            j.append("multiplier=1", run(7));
            j.append("multiplier=2", run(8));
        }
        try (RunJournal j = RunJournal.open(dir, "fp")) {
            assertThat(j.resumed()).isEqualTo(2);
            RunResult back = j.finished("multiplier=1", 7);
            RunResult original = run(7);
            assertThat(back.metrics().keySet()).containsExactlyElementsOf(original.metrics().keySet());
            assertThat(((Metric.Value) back.metrics().get("writeAvailability")).value()).isEqualTo(0.1 + 0.2);
            assertThat(back.value("noValue")).isNaN();
            assertThat(back.count("leaderChanges")).isEqualTo(3);
            assertThat(((Metric.Samples) back.metrics().get("timeToRecoverSeconds")).values())
                    .containsExactly(1.0 / 3, Double.POSITIVE_INFINITY, 2e-9);
            assertThat(((Metric.Timeline) back.metrics().get("raftPeers")).timesNanos()).containsExactly(0, 5_000_000_001L);
            assertThat(back.metrics().get("regions")).isEqualTo(original.metrics().get("regions"));
            assertThat(back.summary()).isEqualTo(original.summary());
            assertThat(List.of(back.seed(), back.events(), back.simulatedNanos())).containsExactly(7L, 12345L, 60_000_000_000L);
            assertThat(back.traceHash()).isEqualTo("abc");
            assertThat(j.finished("multiplier=1", 8)).as("another variant's seed").isNull();
            assertThat(j.finished("multiplier=2", 8)).isNotNull();
        }
    }

    @Test
    void when_theLastLineWasCutShort_then_itIsIgnoredAndAppendsStillWork(@TempDir Path dir) throws Exception {
        try (RunJournal j = RunJournal.open(dir, "fp")) {
            j.append("", run(1));
        }
        Files.writeString(dir.resolve(RunJournal.FILE), "{\"variant\":\"\",\"scenario\":\"s\",\"seed\":2,\"simul", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (RunJournal j = RunJournal.open(dir, "fp")) {
            assertThat(j.resumed()).isEqualTo(1);
            assertThat(j.finished("", 2)).isNull();
            j.append("", run(2));
        }
        try (RunJournal j = RunJournal.open(dir, "fp")) {
            assertThat(j.resumed()).isEqualTo(2);
        }
    }

    @Test
    void when_theFingerprintDiffers_then_theJournalStartsAfresh(@TempDir Path dir) throws Exception {
        try (RunJournal j = RunJournal.open(dir, "old scenario text")) {
            j.append("", run(1));
        }
        try (RunJournal j = RunJournal.open(dir, "new scenario text")) {
            assertThat(j.resumed()).isZero();
            assertThat(j.finished("", 1)).isNull();
        }
        try (RunJournal j = RunJournal.open(dir, "old scenario text")) {
            assertThat(j.resumed()).as("rewritten for the new text").isZero();
        }
        RunJournal j = RunJournal.open(dir, "x");
        j.delete();
        assertThat(dir.resolve(RunJournal.FILE)).doesNotExist();
    }
}
