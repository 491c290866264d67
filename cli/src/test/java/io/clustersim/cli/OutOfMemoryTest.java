package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A run that outgrows the heap ends with one line saying so and how to give it more. */
class OutOfMemoryTest {
    @Command(name = "fills")
    static final class FillsTheHeap implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void when_theCommandRunsOutOfMemory_then_oneLineSaysSoAndNamesTheHeapLimit() {
        CommandLine cl = ClusterSimCommand.withHandlers(new CommandLine(new FillsTheHeap()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(ClusterSimCommand.execute(cl)).isEqualTo(ExitCodes.INTERNAL_ERROR);
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        assertThat(err.toString()).startsWith("error: the simulation ran out of memory (the JVM's heap limit is " + maxMiB + " MiB)")
                .contains("CLUSTERSIM_JAVA_OPTS=").hasLineCount(1);
    }

    @Test
    void when_aRealRunOutgrowsASmallHeap_then_noStackTraceAndNoReport(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("fleet.yaml");
        Files.writeString(scenario, """
                name: fleet
                duration: 10m
                topology:
                  regions:
                    - name: us-east
                      datacenters:
                        - name: dc1
                          zones:
                            - { name: a, servers: 3, clients: 20000 }
                """);
        Path out = dir.resolve("out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ClusterSimCommand.class.getName(), "run", scenario.toString(), "--out",
                out.toString(), "--no-progress"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err).contains("error: the simulation ran out of memory (the JVM's heap limit is")
                .doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(out.resolve("report.json")).doesNotExist();
    }
}
