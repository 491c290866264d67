package io.clustersim.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void when_anAzFailureRunIsReported_then_theHtmlIsSelfContainedWithEveryChartAndTheFaults() throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "examples", "az-failure.yaml"))
                .replaceFirst("description: .*", "description: \"<script>alert(1)</script> an AZ lost\"");
        Scenario s = new ScenarioReader().read("az-failure.yaml", yaml);
        RunResult r = new ScenarioRunner().run(s, null);
        String html = HtmlReport.render(s, List.of(r));

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // The topology; server roles, availability, leaders, time to recover, probe latency, commit time,
        // gossip detection and client nodes; and the message diagram.
        Matcher svg = Pattern.compile("<svg").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(10);
        assertThat(html).contains("Messages around the first fault").contains("marker-end=\"url(#arrow)\"")
                .contains("299.500 s to 302.000 s");
        // Offline: nothing is fetched (XML namespaces are names, not requests).
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("<link ");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("crash the zone of the leader").contains("writeAvailability").contains("leader of us-east")
                .contains("By region and zone").contains("us-east / us-east-1a");
        assertThat(html).contains("Server roles over time").contains("us-east / server-3").contains("zone us-east-1b")
                .contains("20 clients").contains("<td>raftCommitTimeMs</td>").contains("Gossip failure detection");
        String csv = io.clustersim.reports.csv.TimeseriesCsv.render(r);
        assertThat(csv).startsWith("atSeconds,region,writeAvailability,leader,nodesReady,nodesDown\n");
        // 35 minutes in 7-second steps; the leader's zone is lost at 20m and its clients marked down 5 minutes later.
        assertThat(csv.split("\n")).hasSize(301);
        assertThat(csv).contains("\n1498.000,us-east,").contains(",40,20\n");
    }

    @Test
    void when_aRunHasSeveralRegions_then_theyAreComparedInABarChartAndDrawnInTheTopology() throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "examples", "three-vs-five-servers.yaml"))
                .replace("duration: 25m", "duration: 2m");
        yaml = yaml.substring(0, yaml.indexOf("failures:"));
        Scenario s = new ScenarioReader().read("three-vs-five-servers.yaml", yaml);
        String html = HtmlReport.render(s, List.of(new ScenarioRunner().run(s, null)));
        assertThat(html).contains("Availability by region").contains("region three").contains("region five")
                .contains("zone five-e").contains("five / server-8");
        assertThat(Charts.regions(new ScenarioRunner().run(new ScenarioReader().read(Path.of("..", "scenarios", "examples",
                "leader-loss.yaml")), null))).as("one region: nothing to compare").isEmpty();
    }

    @Test
    void when_replicationsAreReported_then_theHeadlineHasIntervals() {
        Scenario s = new ScenarioReader().read(Path.of("..", "scenarios", "examples", "leader-loss.yaml"));
        List<RunResult> runs = io.clustersim.scenarios.run.Replications.run(s.withReplications(3), 1, (d, n) -> {});
        String html = HtmlReport.render(s, runs);
        assertThat(html).contains("3 replications from seed 42").contains("<th>95% interval</th>");
        assertThat(HtmlReport.esc("a<b & 'c'")).isEqualTo("a&lt;b &amp; &#39;c&#39;");
    }
}
