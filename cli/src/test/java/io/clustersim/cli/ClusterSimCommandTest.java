package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ClusterSimCommandTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "examples", "reference-architecture.yaml");

    private static Cli.Outcome run(String... args) {
        return Cli.run(args);
    }

    @Test
    void when_runSucceeds_then_reportAndRunInfoAreWrittenAndSeedIsPrinted(@TempDir Path dir) throws Exception {
        Cli.Outcome o = run("run", EXAMPLE.toString(), "--out", dir.toString(), "--seed", "5");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("seed 5").contains("traceHash").contains("report:");
        String report = Files.readString(dir.resolve("report.json"));
        assertThat(report).contains("\"schemaVersion\"").contains("\"seed\" : 5").contains("\"messagesSent\"");
        assertThat(report).doesNotContain("wall");
        assertThat(Files.readString(dir.resolve("run-info.json"))).contains("wallSeconds");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "run-info.json", "runs.csv", "summary.md",
                    "report.html", "timeseries.csv");
        }
    }

    @Test
    void when_sameScenarioAndSeedRunTwice_then_reportsAreByteIdentical(@TempDir Path dir) throws Exception {
        assertThat(run("run", EXAMPLE.toString(), "--out", dir.resolve("a").toString()).exitCode()).isZero();
        assertThat(run("run", EXAMPLE.toString(), "--out", dir.resolve("b").toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("a/report.json"))).isEqualTo(Files.readAllBytes(dir.resolve("b/report.json")));
    }

    @Test
    void when_traceIsRequested_then_jsonLinesAreWritten(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        assertThat(run("run", EXAMPLE.toString(), "--out", dir.toString(), "--trace", trace.toString()).exitCode()).isZero();
        var lines = Files.readAllLines(trace);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"tNanos\":").endsWith("}"));
    }

    @Test
    void when_inputIsBad_then_exitCodeIs2WithOneClearLineAndNoReport(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nduration: 10s\ntopology:\n  regions: 3\n");
        Path out = dir.resolve("out");
        Cli.Outcome o = run("run", bad.toString(), "--out", out.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err()).startsWith("error: " + bad + ":4:12: topology.regions: expected a list of regions");
        assertThat(o.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void when_usageIsWrong_then_exitCodeIs2() {
        assertThat(run("run", "--no-such-option").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("frobnicate").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void when_validateIsGivenAGoodFile_then_itPrintsTheResolvedOptionsWithoutRunning() {
        Cli.Outcome o = run("validate", EXAMPLE.toString());
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("3 servers").contains("valid").doesNotContain("traceHash");
    }

    @Test
    void when_helpIsAsked_then_everyCommandDescribesItself() {
        assertThat(run("--help").out()).contains("run").contains("validate").contains("Exit codes");
        assertThat(run("run", "--help").out()).contains("--seed").contains("--out").contains("--trace");
        assertThat(run("validate", "--help").out()).contains("FILE");
    }

    /**
     * picocli renders every help text through String.format; a bare '%' (as in "95% interval")
     * makes it print a WARN line above the help and show the text unformatted. The texts are read
     * from the annotations, as written: picocli's model hands them out already formatted.
     */
    @Test
    void when_helpIsRendered_then_everyTextIsAValidFormatString() {
        List<String> texts = new ArrayList<>();
        collectHelpTexts(ClusterSimCommand.commandLine(), texts);
        assertThat(texts).hasSizeGreaterThan(20).anySatisfy(t -> assertThat(t).contains("95%%"));
        for (String t : texts) {
            assertThatCode(() -> String.format(Locale.ROOT, t)).as("help text %s", t).doesNotThrowAnyException();
        }
    }

    private static void collectHelpTexts(CommandLine cl, List<String> out) {
        for (Class<?> c = cl.getCommand().getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null) {
                out.addAll(Arrays.asList(command.description()));
                out.addAll(Arrays.asList(command.header()));
                out.addAll(Arrays.asList(command.footer()));
            }
            for (Field f : c.getDeclaredFields()) {
                Option option = f.getAnnotation(Option.class);
                if (option != null) {
                    out.addAll(Arrays.asList(option.description()));
                }
                Parameters parameters = f.getAnnotation(Parameters.class);
                if (parameters != null) {
                    out.addAll(Arrays.asList(parameters.description()));
                }
            }
        }
        cl.getSubcommands().values().forEach(sub -> collectHelpTexts(sub, out));
    }

    @Test
    void when_theSchemaIsAsked_then_aDraft2020JsonSchemaIsPrinted() {
        Cli.Outcome o = run("schema");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).startsWith("{").contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\"")
                .contains("\"failures\"").contains("\"randomFailures\"");
    }

    @Test
    void when_replicationsRunOnOneOrTwoThreads_then_reportJsonIsByteIdenticalAndEveryOutputIsWritten(@TempDir Path dir)
            throws Exception {
        Path leaderLoss = Path.of("..", "scenarios", "examples", "leader-loss.yaml");
        Cli.Outcome one = run("run", leaderLoss.toString(), "--replications", "4", "--threads", "1", "--no-progress", "--out",
                dir.resolve("one").toString());
        Cli.Outcome two = run("run", leaderLoss.toString(), "--replications", "4", "--threads", "2", "--no-progress", "--out",
                dir.resolve("two").toString());
        assertThat(one.exitCode()).isZero();
        assertThat(two.exitCode()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("one/report.json"))).isEqualTo(Files.readAllBytes(dir.resolve("two/report.json")));
        assertThat(Files.readString(dir.resolve("two/report.json"))).contains("\"replications\" : 4").contains("\"ci95Low\"")
                .contains("\"nines\"");
        assertThat(Files.readAllLines(dir.resolve("two/runs.csv"))).hasSize(5).first().asString().startsWith("replication,seed,");
        assertThat(Files.readString(dir.resolve("two/summary.md"))).contains("| writeAvailability |").contains("95% interval");
        assertThat(Files.readString(dir.resolve("two/run-info.json"))).contains("\"threads\" : 2");
        assertThat(run("run", leaderLoss.toString(), "--replications", "0").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void when_twoRunsAreCompared_then_theTableHasVerdictsAndTheGateFailsOnlyOnAWorseMetric(@TempDir Path dir) throws Exception {
        Path leaderLoss = Path.of("..", "scenarios", "examples", "leader-loss.yaml");
        Path calm = Path.of("..", "scenarios", "examples", "reference-architecture.yaml");
        assertThat(run("run", calm.toString(), "--replications", "4", "--no-progress", "--out", dir.resolve("calm").toString())
                .exitCode()).isZero();
        assertThat(run("run", leaderLoss.toString(), "--replications", "4", "--no-progress", "--out", dir.resolve("loss").toString())
                .exitCode()).isZero();
        Cli.Outcome worse = run("compare", dir.resolve("calm").toString(), dir.resolve("loss").toString(), "--fail-if-worse",
                "writeAvailability");
        assertThat(worse.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(worse.out()).contains("Welch").containsPattern("writeAvailability .* B worse")
                .contains("significantly worse in B: writeAvailability");
        Cli.Outcome better = run("compare", dir.resolve("loss").toString(), dir.resolve("calm").toString(), "--fail-if-worse",
                "writeAvailability");
        assertThat(better.exitCode()).isZero();
        assertThat(run("compare", dir.toString(), dir.resolve("calm").toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("compare", dir.resolve("calm").toString(), dir.resolve("loss").toString(), "--fail-if-worse", "nope")
                .exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void when_twoScenariosAreCompared_then_eachSidesReplicationsShowTheirProgressUnlessTurnedOff() {
        String leaderLoss = Path.of("..", "scenarios", "examples", "leader-loss.yaml").toString();
        String followerLoss = Path.of("..", "scenarios", "examples", "follower-loss.yaml").toString();
        PrintStream realErr = System.err;
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        try {
            // Not a terminal here, so the progress is plain lines on stderr.
            System.setErr(new PrintStream(shown, true, StandardCharsets.UTF_8));
            assertThat(run("compare", leaderLoss, followerLoss, "--replications", "2", "--threads", "1").exitCode()).isZero();
            System.setErr(new PrintStream(quiet, true, StandardCharsets.UTF_8));
            assertThat(run("compare", leaderLoss, followerLoss, "--replications", "2", "--threads", "1", "--no-progress")
                    .exitCode()).isZero();
        } finally {
            System.setErr(realErr);
        }
        assertThat(shown.toString(StandardCharsets.UTF_8)).contains("2/2 replications of A").contains("2/2 replications of B");
        assertThat(quiet.toString(StandardCharsets.UTF_8)).doesNotContain("replications of");
    }

    @Test
    void when_aScenarioSweeps_then_everyVariantIsReportedWithComparisonCharts(@TempDir Path dir) throws Exception {
        Path sweep = Path.of("..", "scenarios", "examples", "raft-multiplier-sweep.yaml");
        Cli.Outcome o = run("run", sweep.toString(), "--replications", "2", "--no-progress", "--out", dir.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("sweep of 3 variants").contains("| multiplier=5 |");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"variant\" : \"multiplier=2\"");
        assertThat(Files.readAllLines(dir.resolve("runs.csv"))).hasSize(7).first().asString().startsWith("variant,replication,");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("leaderlessSeconds by variant").contains("<svg");
    }
}
