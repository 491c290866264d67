package io.clustersim.cli;

import io.clustersim.kernel.trace.JsonLinesTraceSink;
import io.clustersim.reports.json.ReportJson;
import io.clustersim.reports.json.RunInfoJson;
import io.clustersim.reports.text.TextSummary;
import io.clustersim.scenarios.run.InvariantViolated;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Scenario scenario = new ScenarioReader().read(scenarioFile);
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        Path dir = out != null ? out : Path.of("out", scenario.name());
        stdout.println(ScenarioReader.describe(scenario));
        stdout.println("replay: clustersim run " + scenarioFile + " --seed " + scenario.seed());
        stdout.flush();

        String startedAt = Instant.now().toString();
        long wallStart = System.nanoTime();
        RunResult result;
        try {
            result = traceFile == null ? new ScenarioRunner().run(scenario, null) : runTraced(scenario);
        } catch (InvariantViolated v) {
            ViolationReport.print(spec.commandLine().getErr(), v, scenarioFile);
            return ExitCodes.SAFETY_VIOLATION;
        }
        long wall = System.nanoTime() - wallStart;
        try {
            Path report = ReportJson.write(result, dir);
            RunInfoJson.write(result, startedAt, wall, dir);
            stdout.println();
            stdout.print(TextSummary.render(result));
            stdout.println("report: " + report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /**
     * Writes the trace beside its final name and moves it into place when the run completed or
     * stopped at a safety violation; an internal error leaves no trace file behind.
     */
    private RunResult runTraced(Scenario scenario) {
        try {
            Path target = traceFile.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
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
