package io.clustersim.cli;

import io.clustersim.reports.compare.Comparison;
import io.clustersim.reports.compare.PerRun;
import io.clustersim.scenarios.run.InvariantViolated;
import io.clustersim.scenarios.run.Replications;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clustersim compare A B}: two designs side by side. Each side is a scenario file (run
 * here with replications) or the output directory of an earlier run (its {@code runs.csv}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two scenarios (or two output directories of earlier runs) metric by metric: means with 95%% "
                + "intervals, the difference and Welch's t-test.",
                "Exit code 4 when a metric named with --fail-if-worse got significantly worse in B, so CI can gate on it."})
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Scenario file or output directory (with runs.csv).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Scenario file or output directory (with runs.csv).")
    Path b;

    @Option(names = "--replications", paramLabel = "N", description = "Replications of a scenario side (default: its replications:, at least 10).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T", description = "Replications at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not show the replications' progress.")
    boolean noProgress;

    @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.05", description = "Significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--fail-if-worse", paramLabel = "METRIC", split = ",",
            description = "Exit 4 if any of these metrics is significantly worse in B (e.g. writeAvailability,leaderlessSeconds).")
    List<String> gate = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!(alpha > 0 && alpha < 1) || (replications != null && replications < 2) || (threads != null && threads < 1)) {
            spec.commandLine().getErr().println("error: --alpha must be in (0, 1), --replications at least 2, --threads at least 1");
            return ExitCodes.BAD_INPUT;
        }
        PerRun left;
        PerRun right;
        try {
            left = side("A", a);
            right = side("B", b);
        } catch (InvariantViolated v) {
            ViolationReport.print(spec.commandLine().getErr(), v, null);
            return ExitCodes.SAFETY_VIOLATION;
        } catch (IOException | NumberFormatException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        for (String m : gate) {
            if (!left.values().containsKey(m) || !right.values().containsKey(m)) {
                spec.commandLine().getErr().println("error: --fail-if-worse " + m + ": no such metric on both sides; they have "
                        + String.join(", ", left.values().keySet()));
                return ExitCodes.BAD_INPUT;
            }
        }
        List<Comparison.Row> rows = Comparison.of(left, right, alpha);
        out.print(Comparison.render(left, right, rows, alpha));
        List<String> worse = rows.stream().filter(r -> gate.contains(r.metric()) && r.worse()).map(Comparison.Row::metric).toList();
        if (!worse.isEmpty()) {
            out.println();
            out.println("significantly worse in B: " + String.join(", ", worse));
            out.flush();
            return ExitCodes.CHECK_FAILED;
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One side's runs: read from an earlier run's runs.csv, or replicated here with their progress shown. */
    private PerRun side(String label, Path p) throws IOException {
        if (Files.isDirectory(p)) {
            Path csv = p.resolve("runs.csv");
            if (!Files.exists(csv)) {
                throw new IOException(p + " has no runs.csv: give a scenario file or the --out directory of a run");
            }
            return PerRun.read(csv);
        }
        Scenario s = new ScenarioReader().read(p);
        int n = replications != null ? replications : Math.max(10, s.replications());
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (TerminalProgress progress = TerminalProgress.of("replications of " + label, n, noProgress)) {
            return PerRun.of(p.toString() + " (" + n + " replications)",
                    Replications.run(s.withReplications(n), t, (done, total) -> progress.step(done, "")));
        }
    }
}
