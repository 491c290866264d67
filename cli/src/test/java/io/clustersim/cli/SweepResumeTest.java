package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.reports.journal.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed part way (a real {@code kill -9} of a separate JVM) and run again takes the runs
 * it finished from its journal and writes the same report, byte for byte, as a sweep never
 * interrupted.
 */
class SweepResumeTest {
    private static final Path SWEEP = Path.of("..", "scenarios", "examples", "raft-multiplier-sweep.yaml");
    private static final String REPLICATIONS = "6";

    @Test
    void when_aSweepIsKilledAndRunAgain_then_itResumesAndItsReportEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        Cli.Outcome uninterrupted = Cli.run("run", SWEEP.toString(), "--replications", REPLICATIONS, "--threads", "1", "--no-progress",
                "--out", whole.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertThat(whole.resolve(RunJournal.FILE)).as("a finished sweep leaves no journal").doesNotExist();

        Path resumed = dir.resolve("resumed");
        Path journal = resumed.resolve(RunJournal.FILE);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ClusterSimCommand.class.getName(), "run", SWEEP.toString(), "--replications",
                REPLICATIONS, "--threads", "1", "--no-progress", "--out", resumed.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        // Header and three finished runs: well into the first variant, far from the last.
        while (child.isAlive() && finishedRuns(journal) < 3) {
            Thread.sleep(5);
        }
        boolean killed = child.isAlive();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed).as("the sweep was still running: " + Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(resumed.resolve("report.json")).as("killed before it finished").doesNotExist();
        int journalled = finishedRuns(journal);

        Cli.Outcome again = Cli.run("run", SWEEP.toString(), "--replications", REPLICATIONS, "--threads", "2", "--no-progress",
                "--out", resumed.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        Matcher m = Pattern.compile("resuming: (\\d+) finished run\\(s\\)").matcher(again.out());
        assertThat(m.find()).as(again.out()).isTrue();
        int taken = Integer.parseInt(m.group(1));
        assertThat(taken).isBetween(3, Math.min(journalled, 3 * Integer.parseInt(REPLICATIONS) - 1));
        for (String file : List.of("report.json", "runs.csv", "summary.md")) {
            assertThat(Files.readString(resumed.resolve(file))).as(file).isEqualTo(Files.readString(whole.resolve(file)));
        }
        assertThat(journal).doesNotExist();
    }

    /** Complete lines after the header (a line being written when the process died has no newline yet). */
    private static int finishedRuns(Path journal) throws java.io.IOException {
        if (!Files.exists(journal)) {
            return 0;
        }
        int lines = 0;
        for (byte b : Files.readAllBytes(journal)) {
            if (b == '\n') {
                lines++;
            }
        }
        return Math.max(0, lines - 1);
    }

    @Test
    void when_theJournalIsOfAnotherScenario_then_replicationsIgnoreIt(@TempDir Path dir) throws Exception {
        Path example = Path.of("..", "scenarios", "examples", "reference-architecture.yaml");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunJournal.FILE), "{\"fingerprint\":\"another scenario\"}\n{\"variant\":\"\",\"seed\":1");
        Cli.Outcome o = Cli.run("run", example.toString(), "--replications", "2", "--no-progress", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).doesNotContain("resuming");
        assertThat(dir.resolve(RunJournal.FILE)).doesNotExist();
    }
}
