package io.clustersim.cli;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clustersim validate FILE}: checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scenario file and print its resolved options without running it.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path scenarioFile;

    @Override
    public Integer call() {
        Scenario s = new ScenarioReader().read(scenarioFile);
        spec.commandLine().getOut().println(ScenarioReader.describe(s));
        spec.commandLine().getOut().println("valid");
        return ExitCodes.OK;
    }
}
