package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user trips over first: where reports go, when a bad destination is noticed, file modes, the default scenario. */
class OutputHygieneTest {
    private static final Path EXAMPLE = Path.of("..", "scenarios", "examples", "leader-loss.yaml");

    @Test
    void when_outIsAFile_then_theRunIsRefusedBeforeItStartsWithOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Cli.Outcome o = Cli.run("run", EXAMPLE.toString(), "--out", file.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err().trim()).isEqualTo("error: --out " + file + " is a file, not a directory");
        assertThat(o.out()).doesNotContain("traceHash");

        Cli.Outcome under = Cli.run("run", EXAMPLE.toString(), "--out", file.resolve("sub").toString());
        assertThat(under.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(under.err()).startsWith("error: cannot write reports to ").doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void when_theScenarioNameIsAPath_then_itIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(EXAMPLE).replace("name: leader-loss", "name: ../../escape"));
        Cli.Outcome o = Cli.run("run", bad.toString());
        assertThat(o.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err()).contains(":7:7: name: expected a scenario name of letters, digits");
        assertThat(Path.of("..", "..", "escape")).doesNotExist();
    }

    @Test
    void when_aReportIsWritten_then_itsModeIsThatOfAnyNewFileNotTheTemporaryFilesOwnerOnlyMode(@TempDir Path dir)
            throws Exception {
        assertThat(Cli.run("run", EXAMPLE.toString(), "--out", dir.toString()).exitCode()).isZero();
        Path fresh = Files.createFile(dir.resolve("fresh"));
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("report.json")))).isEqualTo(expected);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("run-info.json")))).isEqualTo(expected);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void when_runFromAnotherDirectory_then_theDefaultScenarioComesFromTheJar(@TempDir Path dir) {
        String before = System.getProperty("clustersim.home");
        System.setProperty("clustersim.home", dir.resolve("nowhere").toString());
        try {
            CommandLineDefault o = CommandLineDefault.run(dir.resolve("out"));
            assertThat(o.exitCode()).isZero();
            assertThat(dir.resolve("out").resolve("report.json")).exists();
        } finally {
            if (before == null) {
                System.clearProperty("clustersim.home");
            } else {
                System.setProperty("clustersim.home", before);
            }
        }
    }

    /** The bare {@code clustersim} command, with its report sent to {@code out}. */
    private record CommandLineDefault(int exitCode) {
        static CommandLineDefault run(Path out) {
            // The bare command takes no options: run it as ClusterSimCommand does, with --out given.
            picocli.CommandLine cl = new picocli.CommandLine(new RunCommand());
            cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
            RunCommand run = ClusterSimCommand.defaultRun(cl.getCommandSpec());
            run.out = out;
            return new CommandLineDefault(run.call());
        }
    }
}
