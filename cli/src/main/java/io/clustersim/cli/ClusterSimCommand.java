package io.clustersim.cli;

import io.clustersim.scenarios.run.InvariantViolated;
import io.clustersim.scenarios.yaml.InputError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code clustersim} command. With no subcommand it runs the default scenario. */
@Command(
        name = "clustersim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Deterministic simulator of Nomad-style cluster topologies.",
            "With no command, runs the default scenario scenarios/examples/reference-architecture.yaml."
        },
        subcommands = {RunCommand.class, ValidateCommand.class, CheckCommand.class, CompareCommand.class, SchemaCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error, or the run ran out of memory",
            "2:bad input or usage",
            "3:a safety invariant was violated",
            "4:check found a failing run"
        })
public final class ClusterSimCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return defaultRun(spec.subcommands().get("run").getCommandSpec()).call();
    }

    /** {@code run} of the default scenario, printing through {@code runSpec}. */
    static RunCommand defaultRun(CommandLine.Model.CommandSpec runSpec) {
        RunCommand run = new RunCommand();
        run.spec = runSpec;
        run.scenarioFile = defaultScenario();
        // Run from anywhere (java -jar clustersim.jar): the jar carries the default scenario.
        run.fallbackResource = "/examples/reference-architecture.yaml";
        return run;
    }

    /** The default scenario, found under {@code clustersim.home} (set by the launcher) or the working directory. */
    static Path defaultScenario() {
        String home = System.getProperty("clustersim.home", ".");
        return Path.of(home, "scenarios", "examples", "reference-architecture.yaml");
    }

    public static CommandLine commandLine() {
        return withHandlers(new CommandLine(new ClusterSimCommand()));
    }

    /** {@code cl} with this CLI's answers to bad input, safety violations and failures. */
    static CommandLine withHandlers(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputError ie) {
                err.println("error: " + ie.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof InvariantViolated v) {
                ViolationReport.print(err, v, null);
                return ExitCodes.SAFETY_VIOLATION;
            }
            err.println("internal error: " + ex);
            if (Boolean.getBoolean("clustersim.debug")) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with -Dclustersim.debug=true for the stack trace)");
            }
            return ExitCodes.INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + ex.getMessage());
            c.getErr().println("see: " + c.getCommandSpec().qualifiedName() + " --help");
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    /**
     * Runs {@code args} on {@code cl}. A simulation that outgrows the heap ends with one line that
     * says so and how to give it more, not the JVM's stack trace: picocli hands errors through,
     * as the replications' pool and the property runner do from their threads.
     * By the time the error reaches here the World it filled is garbage again, so the line can be
     * written.
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println(outOfMemory());
            cl.getErr().flush();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    static String outOfMemory() {
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        long twiceGiB = Math.max(1, (2 * maxMiB + 1023) / 1024);
        return "error: the simulation ran out of memory (the JVM's heap limit is " + maxMiB + " MiB) and wrote no report; "
                + "give it more, e.g. CLUSTERSIM_JAVA_OPTS=\"-XX:+UseParallelGC -Xmx" + twiceGiB
                + "g\" (a day of 10,000 clients needs about 300 MiB)";
    }

    public static void main(String[] args) {
        System.exit(execute(commandLine(), args));
    }
}
