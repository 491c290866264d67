package io.clustersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final Path LEADER_LOSS = Path.of("..", "scenarios", "examples", "leader-loss.yaml");

    /** The leader-loss example without its own failures: three servers, three AZs, three minutes. */
    private static String small() throws Exception {
        String text = Files.readString(LEADER_LOSS);
        return text.substring(0, text.indexOf("failures:"));
    }

    private static Cli.Outcome run(String... args) {
        return Cli.run(args);
    }

    @Test
    void when_everyRunHoldsItsPromises_then_checkSaysSoAndExitsZero(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, small() + "expect: { writesRecoverWithin: 30s }\n");
        Cli.Outcome o = run("check", f.toString(), "--runs", "4", "--no-progress");
        assertThat(o.exitCode()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.out()).contains("4 runs, 0 failed").contains("no violation");
    }

    @Test
    void when_anExpectationIsBroken_then_theSeedAndAMinimalFailuresBlockArePrintedAndItReplays(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, small() + "expect: { maxLeaderChanges: 0 }\n");
        Cli.Outcome o = run("check", f.toString(), "--runs", "10", "--no-progress");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(o.out()).contains("expected at most 0 leader changes").contains("seed: ").contains("failures:\n  - { at: ");

        // Paste what it printed into the file: the failure replays with `run`.
        String printed = o.out().substring(o.out().indexOf("seed: "));
        Path replay = dir.resolve("replay.yaml");
        Files.writeString(replay, small().replace("seed: 42\n", "") + printed);
        Cli.Outcome r = run("run", replay.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("leaderChanges\\s+[1-9]");
    }

    @Test
    void when_optionsAreOutOfRange_then_exitIs2WithOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, small());
        Cli.Outcome o = run("check", f.toString(), "--runs", "0");
        assertThat(o.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err().trim()).startsWith("error:").doesNotContain("Exception");
    }
}
