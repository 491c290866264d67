package io.clustersim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process, capturing what it prints. */
final class Cli {
    record Outcome(int exitCode, String out, String err) {}

    private Cli() {}

    static Outcome run(String... args) {
        CommandLine cl = ClusterSimCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = ClusterSimCommand.execute(cl, args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
