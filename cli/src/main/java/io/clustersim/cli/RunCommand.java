package io.clustersim.cli;

import io.clustersim.kernel.time.Durations;
import io.clustersim.kernel.trace.JsonLinesTraceSink;
import io.clustersim.reports.csv.RunsCsv;
import io.clustersim.reports.html.HtmlReport;
import io.clustersim.reports.journal.RunJournal;
import io.clustersim.reports.json.ReplicationsJson;
import io.clustersim.reports.json.ReportJson;
import io.clustersim.reports.json.RunInfoJson;
import io.clustersim.reports.markdown.SummaryMarkdown;
import io.clustersim.reports.stats.QuorumAvailability;
import io.clustersim.reports.text.TextSummary;
import io.clustersim.scenarios.run.CostEstimate;
import io.clustersim.scenarios.run.InvariantViolated;
import io.clustersim.scenarios.run.Replications;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import io.clustersim.scenarios.yaml.SafeYamlReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clustersim run FILE}: runs a scenario and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a scenario and write DIR/report.json (deterministic) and DIR/run-info.json (wall clock).")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: out/<scenario name>).")
    Path out;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write every trace event as JSON Lines to FILE.")
    Path traceFile;

    /** When set, the scenario comes from this class-path resource if {@link #scenarioFile} does not exist. */
    String fallbackResource;

    /** The scenario file's text as {@link #load()} read it: parsed, and fingerprinted for the journal. */
    private String scenarioText;

    @Option(names = "--no-progress", description = "Do not show progress, even on long runs.")
    boolean noProgress;

    @Option(names = "--replications", paramLabel = "N",
            description = "Run N seeded replications (default: the scenario's replications:, else 1); report.json gives each metric's mean and 95%% interval.")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T", description = "Replications run at once (default: the number of cores); the report does not depend on it.")
    Integer threads;

    @Option(names = "--fresh", description = "Run every replication again, even those an interrupted run of the same scenario left in DIR/"
            + RunJournal.FILE + ".")
    boolean fresh;

    /** Runs estimated to take longer than this show their progress. */
    private static final double PROGRESS_AFTER_SECONDS = 15;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<ScenarioReader.Variant> variants = load();
        if (replications != null && (replications < 1 || replications > ScenarioReader.MAX_REPLICATIONS)) {
            spec.commandLine().getErr().println("error: --replications must be between 1 and " + ScenarioReader.MAX_REPLICATIONS);
            return ExitCodes.BAD_INPUT;
        }
        if (threads != null && threads < 1) {
            spec.commandLine().getErr().println("error: --threads must be at least 1");
            return ExitCodes.BAD_INPUT;
        }
        Scenario scenario = overridden(variants.get(0).scenario());
        Path dir = out != null ? out : Path.of("out", scenario.name());
        String unusable = OutputDirectory.problem(dir);
        if (unusable != null) {
            spec.commandLine().getErr().println("error: " + unusable);
            return ExitCodes.BAD_INPUT;
        }
        if (variants.size() > 1) {
            return sweep(variants, dir, stdout);
        }
        stdout.println(ScenarioReader.describe(scenario));
        if (scenario.replications() > 1) {
            return replicate(scenario, dir, stdout);
        }
        CostEstimate estimate = CostEstimate.of(scenario);
        double estimatedSeconds = estimate.wallSeconds();
        if (estimatedSeconds > PROGRESS_AFTER_SECONDS) {
            stdout.printf(java.util.Locale.ROOT, "estimated cost: about %,d events, %s of wall time on one core%n", estimate.events(),
                    Durations.format(Math.round(estimatedSeconds) * 1_000_000_000L));
        }
        stdout.println("replay: clustersim run " + scenarioFile + " --seed " + scenario.seed());
        stdout.flush();

        String startedAt = Instant.now().toString();
        long wallStart = System.nanoTime();
        RunResult result;
        ScenarioRunner.Progress progress = noProgress || estimatedSeconds <= PROGRESS_AFTER_SECONDS ? null
                : new RunProgress(spec.commandLine().getErr(), wallStart);
        try {
            result = traceFile == null ? new ScenarioRunner().run(scenario, null, progress) : runTraced(scenario);
        } catch (InvariantViolated v) {
            ViolationReport.print(spec.commandLine().getErr(), v, scenarioFile);
            return ExitCodes.SAFETY_VIOLATION;
        }
        long wall = System.nanoTime() - wallStart;
        Optional<Double> analytic = QuorumAvailability.of(scenario);
        Path report = writeOutputs(scenario, List.of(result), 1, startedAt, wall, dir, analytic);
        stdout.println();
        stdout.print(TextSummary.render(result));
        printCrossCheck(analytic, stdout);
        stdout.println("report: " + report);
        return ExitCodes.OK;
    }

    /** The scenario with the command line's --seed and --replications, where given. */
    private Scenario overridden(Scenario s) {
        if (seed != null) {
            s = s.withSeed(seed);
        }
        return replications != null ? s.withReplications(replications) : s;
    }

    /**
     * Every output of one run or of its replications: report.json (a run's, or across runs),
     * run-info.json, runs.csv, summary.md, report.html and timeseries.csv (of the first run).
     */
    private static Path writeOutputs(Scenario scenario, List<RunResult> runs, int threads, String startedAt, long wall, Path dir,
            Optional<Double> analytic) {
        try {
            Path report;
            if (runs.size() == 1) {
                report = ReportJson.write(runs.get(0), analytic, dir);
                RunInfoJson.write(runs.get(0), startedAt, wall, dir);
            } else {
                report = ReplicationsJson.write(runs, analytic, dir);
                RunInfoJson.write(runs, threads, startedAt, wall, dir);
            }
            RunsCsv.write(runs, dir);
            SummaryMarkdown.write(runs, dir);
            HtmlReport.write(scenario, runs, dir);
            io.clustersim.reports.csv.TimeseriesCsv.write(runs.get(0), dir);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void printCrossCheck(Optional<Double> analytic, PrintWriter stdout) {
        analytic.ifPresent(a -> stdout.printf(java.util.Locale.ROOT,
                "cross-check: analytic k-of-n write availability %.6f (no elections, timeouts or removals)%n", a));
    }

    /** Every variant of a sweep, each with its replications, and the sweep's report. */
    private int sweep(List<ScenarioReader.Variant> variants, Path dir, PrintWriter stdout) {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<io.clustersim.reports.sweep.SweepReport.Variant> done = new ArrayList<>();
        long wallStart = System.nanoTime();
        stdout.println("sweep of " + variants.size() + " variants of " + variants.get(0).scenario().name());
        stdout.flush();
        String summary;
        try (RunJournal journal = openJournal(dir, stdout)) {
            for (ScenarioReader.Variant v : variants) {
                Scenario s = overridden(v.scenario());
                done.add(new io.clustersim.reports.sweep.SweepReport.Variant(v.label(), s, Replications.run(s, n,
                        seed -> journal.finished(v.label(), seed), r -> journal.append(v.label(), r), (d, t) -> {})));
                if (!noProgress) {
                    spec.commandLine().getErr().println("  done: " + v.label());
                    spec.commandLine().getErr().flush();
                }
            }
            summary = io.clustersim.reports.sweep.SweepReport.write(variants.get(0).scenario().name(), done, dir);
            journal.delete();
        } catch (InvariantViolated violation) {
            ViolationReport.print(spec.commandLine().getErr(), violation, scenarioFile);
            return ExitCodes.SAFETY_VIOLATION;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        stdout.println();
        stdout.print(summary);
        stdout.printf(java.util.Locale.ROOT, "%d variants in %.1f s%n", done.size(), (System.nanoTime() - wallStart) / 1e9);
        stdout.println("report: " + dir.resolve("report.json") + " (also report.html, runs.csv, summary.md)");
        return ExitCodes.OK;
    }

    /** Several seeded replications on a pool of threads, and their report. */
    private int replicate(Scenario scenario, Path dir, PrintWriter stdout) {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        stdout.println(scenario.replications() + " replications from seed " + scenario.seed() + " on " + n + " thread(s); replay one: "
                + "clustersim run " + scenarioFile + " --seed <its seed in runs.csv>");
        stdout.flush();
        String startedAt = Instant.now().toString();
        long wallStart = System.nanoTime();
        List<RunResult> runs;
        try (RunJournal journal = openJournal(dir, stdout);
                TerminalProgress progress = TerminalProgress.of("replications", scenario.replications(), noProgress)) {
            runs = new ArrayList<>(Replications.run(scenario, n, seed -> journal.finished("", seed), r -> journal.append("", r),
                    (done, total) -> progress.step(done, "")));
            if (runs.get(0).telemetry() == null) {
                // The charts are drawn from the first run; a journalled one kept no telemetry, so run it again.
                runs.set(0, new ScenarioRunner().run(scenario, null));
            }
            long wall = System.nanoTime() - wallStart;
            Optional<Double> analytic = QuorumAvailability.of(scenario);
            Path report = writeOutputs(scenario, runs, n, startedAt, wall, dir, analytic);
            journal.delete();
            stdout.println();
            stdout.print(SummaryMarkdown.render(runs));
            printCrossCheck(analytic, stdout);
            stdout.printf(java.util.Locale.ROOT, "%d replications in %.1f s%n", runs.size(), wall / 1e9);
            stdout.println("report: " + report + " (also report.html, runs.csv, timeseries.csv, summary.md)");
            return ExitCodes.OK;
        } catch (InvariantViolated v) {
            ViolationReport.print(spec.commandLine().getErr(), v, scenarioFile);
            return ExitCodes.SAFETY_VIOLATION;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the journal of finished runs in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The journal of finished runs in {@code dir}: what an interrupted run of the same scenario file
     * (same text, same simulator version) finished is taken from it instead of being run again.
     */
    private RunJournal openJournal(Path dir, PrintWriter stdout) throws IOException {
        if (fresh) {
            Files.deleteIfExists(dir.resolve(RunJournal.FILE));
        }
        RunJournal journal = RunJournal.open(dir, fingerprint());
        if (journal.resumed() > 0) {
            stdout.println("resuming: " + journal.resumed() + " finished run(s) taken from " + journal.file()
                    + " (--fresh runs them again)");
            stdout.flush();
        }
        return journal;
    }

    /** What produced the runs: the simulator's version and the scenario file's text. */
    private String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(new Version().getVersion()[0].getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return java.util.HexFormat.of().formatHex(sha.digest(scenarioText.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The file's scenario, or its sweep's variants; the file is read once, into {@link #scenarioText}. */
    private List<ScenarioReader.Variant> load() {
        String name = scenarioFile.toString();
        scenarioText = null;
        if (fallbackResource != null && !Files.exists(scenarioFile)) {
            try (var in = RunCommand.class.getResourceAsStream(fallbackResource)) {
                if (in != null) {
                    name = scenarioFile.getFileName().toString();
                    scenarioText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (scenarioText == null) {
            scenarioText = SafeYamlReader.text(scenarioFile);
        }
        return new ScenarioReader().readVariants(name, scenarioText);
    }

    /** One line on the terminal, rewritten in place: simulated time, share done, events, time left. */
    private static final class RunProgress implements ScenarioRunner.Progress {
        private final PrintWriter err;
        private final long wallStart;
        private long lastPrint;
        private final boolean terminal = System.console() != null;

        RunProgress(PrintWriter err, long wallStart) {
            this.err = err;
            this.wallStart = wallStart;
        }

        @Override
        public void simulated(long now, long end, long events) {
            long wall = System.nanoTime() - wallStart;
            // A terminal gets one line rewritten every second; a CI log a line every ten seconds.
            long every = terminal ? 1_000_000_000L : 10_000_000_000L;
            if (wall - lastPrint < every && now < end) {
                return;
            }
            lastPrint = wall;
            double done = now / (double) end;
            long left = done <= 0 ? 0 : Math.round(wall / done - wall);
            err.printf(java.util.Locale.ROOT, (terminal ? "\r" : "") + "  simulated %s of %s (%.0f%%), %,d events, about %s left   "
                    + (terminal ? "" : "%n"),
                    Durations.format(now / 1_000_000_000L * 1_000_000_000L), Durations.format(end), 100 * done, events,
                    Durations.format(left / 1_000_000_000L * 1_000_000_000L));
            if (now >= end && terminal) {
                err.println();
            }
            err.flush();
        }
    }

    /**
     * Writes the trace beside its final name and moves it into place when the run completed or
     * stopped at a safety violation; an internal error leaves no trace file behind.
     */
    private RunResult runTraced(Scenario scenario) {
        try {
            Path target = traceFile.toAbsolutePath();
            Path tmp = io.clustersim.reports.json.AtomicFiles.newSibling(target);
            try {
                RunResult r;
                try (JsonLinesTraceSink sink = new JsonLinesTraceSink(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                    r = new ScenarioRunner().run(scenario, sink);
                } catch (InvariantViolated v) {
                    // The trace up to the violation is the evidence: keep it.
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    throw v;
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                return r;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + traceFile + ": " + e.getMessage(), e);
        }
    }

}
