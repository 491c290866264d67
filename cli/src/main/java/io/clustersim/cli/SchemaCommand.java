package io.clustersim.cli;

import io.clustersim.scenarios.schema.ScenarioSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clustersim schema}: prints the JSON Schema of scenario files, for editors and linters. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of scenario files.",
                "Save it (clustersim schema > scenario.schema.json) and point your editor at it, e.g. with the line",
                "# yaml-language-server: $schema=./scenario.schema.json at the top of a scenario."})
final class SchemaCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ScenarioSchema.json());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
