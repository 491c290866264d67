package io.clustersim.cli;

import io.clustersim.faults.ScheduledFault;
import io.clustersim.kernel.time.Durations;
import io.clustersim.scenarios.check.ScenarioCheck;
import io.clustersim.scenarios.schema.FailuresWriter;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clustersim check FILE --runs N}: runs the scenario under N random fault schedules and
 * checks safety and its {@code expect:} section on each; on failure prints the seed and a minimal
 * {@code failures:} block that replays it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run a scenario under random fault schedules (a nemesis that keeps a quorum of every region's "
                + "servers unless told otherwise) and check the safety invariants and the scenario's expect: section on each.",
                "On a failure, print the seed and a minimal failures: block that pastes into the scenario and replays it."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path scenarioFile;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100", description = "Random schedules to run (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", description = "Base seed of the schedules (default: the scenario's seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-faults", paramLabel = "N", defaultValue = "4", description = "Nemesis faults per run, at most (default: ${DEFAULT-VALUE}).")
    int maxFaults;

    @Option(names = "--allow-quorum-loss", description = "Let the nemesis take down a majority of a region's servers.")
    boolean allowQuorumLoss;

    @Option(names = "--max-shrinks", paramLabel = "N", defaultValue = "300", description = "Runs spent shrinking a failure, at most (default: ${DEFAULT-VALUE}).")
    int maxShrinks;

    @Option(names = "--no-progress", description = "Do not draw the progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (runs < 1 || maxFaults < 0 || maxShrinks < 0 || (threads != null && threads < 1)) {
            spec.commandLine().getErr().println("error: --runs and --threads must be at least 1, --max-faults and --max-shrinks at least 0");
            return ExitCodes.BAD_INPUT;
        }
        Scenario scenario = new ScenarioReader().read(scenarioFile);
        long base = seed != null ? seed : scenario.seed();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ScenarioCheck.Options options = new ScenarioCheck.Options(runs, base, n, allowQuorumLoss, maxFaults, maxShrinks);
        out.println("check " + scenario.name() + ": " + runs + " runs of " + Durations.format(scenario.durationNanos())
                + " under random faults (base seed " + base + ", " + n + " thread(s), up to " + maxFaults + " faults per run"
                + (allowQuorumLoss ? ", quorum loss allowed" : ", a quorum of each region kept") + ")");
        if (scenario.expectations().isEmpty()) {
            out.println("  expect: none beyond safety (add an expect: section, e.g. writesRecoverWithin: 10s)");
        }
        out.flush();

        long start = System.nanoTime();
        ScenarioCheck check = new ScenarioCheck(scenario, options);
        ScenarioCheck.Outcome outcome;
        try (TerminalProgress progress = TerminalProgress.of("runs", runs, noProgress)) {
            outcome = check.run((done, failed) -> progress.step(done, failed == 0 ? "no failure" : failed + " failed"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d runs, %d failed, in %.1f s%n", outcome.runs(), outcome.failed(), seconds);
        if (outcome.firstFailed().isEmpty()) {
            out.println("no violation: safety held" + (scenario.expectations().isEmpty() ? "" : " and every expectation was met")
                    + " in every run");
            return ExitCodes.OK;
        }
        out.println("shrinking run " + (outcome.firstFailed().getAsInt() + 1) + " (at most " + maxShrinks + " runs)...");
        out.flush();
        ScenarioCheck.Minimal m = check.shrink(outcome.firstFailed().getAsInt());
        out.println();
        out.println("run " + (m.run() + 1) + " failed; shrunk in " + m.shrinkRuns() + " runs to:");
        for (String b : m.broken()) {
            out.println("  " + b);
        }
        out.println();
        out.println("minimal failing case: put these lines in " + scenarioFile + " (replacing its seed and failures),");
        out.println("then `clustersim run " + scenarioFile + "` replays it exactly:");
        out.println();
        out.println("seed: " + m.seed());
        List<ScheduledFault> all = new ArrayList<>(scenario.failures());
        all.addAll(m.schedule());
        out.print(FailuresWriter.block(all));
        out.flush();
        return ExitCodes.CHECK_FAILED;
    }
}
