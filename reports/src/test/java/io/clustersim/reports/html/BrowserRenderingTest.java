package io.clustersim.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.run.Replications;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} opened in headless Chromium: no console message (a script error, a resource
 * that failed to load, a broken SVG) and a screenshot that is not blank. Runs where the browser
 * profile found {@code /usr/bin/chromium} ({@code .ci/run} installs Debian's package when it can).
 */
@EnabledIfSystemProperty(named = "clustersim.chromium", matches = ".+")
class BrowserRenderingTest {
    /** As the machine's notes advise for a closed network: no background connections, a fresh profile. */
    private static List<String> chromium(Path profile, Path screenshot, Path page) {
        return List.of(System.getProperty("clustersim.chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--window-size=1000,2400",
                "--screenshot=" + screenshot, page.toUri().toString());
    }

    /** What the page said on the console, one line per message, and its screenshot. */
    private record Opened(List<String> console, BufferedImage screenshot) {}

    private static Opened open(Path dir, Path page) throws IOException, InterruptedException {
        Path png = dir.resolve(page.getFileName() + ".png");
        Path log = dir.resolve(page.getFileName() + ".log");
        Process p = new ProcessBuilder(chromium(dir.resolve("profile-" + page.getFileName()), png, page)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        assertThat(png).as(String.join("\n", Files.readAllLines(log))).exists();
        return new Opened(console, ImageIO.read(png.toFile()));
    }

    /** The share of pixels that differ from the top-left one (the page's background). */
    private static double inked(BufferedImage image) {
        int background = image.getRGB(0, 0);
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    inked++;
                }
            }
        }
        return inked / (double) (image.getWidth() * image.getHeight());
    }

    @Test
    void when_theReportOpensInChromium_then_itLogsNothingAndDrawsItsCharts(@TempDir Path dir) throws Exception {
        Scenario s = new ScenarioReader().read(Path.of("..", "scenarios", "examples", "az-failure.yaml"));
        List<RunResult> runs = Replications.run(s.withReplications(2), 2, (d, n) -> {});
        Path page = HtmlReport.write(s, runs, dir);

        Opened opened = open(dir, page);
        assertThat(opened.console()).as("console messages").isEmpty();
        assertThat(opened.screenshot().getWidth()).isEqualTo(1000);
        // Tables, the topology and the first charts: far from blank (an empty page inks nothing).
        assertThat(inked(opened.screenshot())).isGreaterThan(0.05);
    }

    @Test
    void when_aPageHasAnError_then_theHarnessSeesItAndABlankPageIsBlank(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");
        Opened opened = open(dir, bad);
        assertThat(opened.console()).singleElement().asString().contains("undefinedFunction");
        assertThat(inked(opened.screenshot())).isZero();
    }
}
