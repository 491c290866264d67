package io.clustersim.reports.html;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.Fired;
import io.clustersim.kernel.time.Durations;
import io.clustersim.reports.json.AtomicFiles;
import io.clustersim.reports.stats.Interval;
import io.clustersim.reports.stats.Replicated;
import io.clustersim.reports.stats.Summary;
import io.clustersim.reports.text.Figures;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained file that opens offline. The scenario, the headline
 * figures (with 95% intervals over replications), a drawing of the topology, the faults as they
 * fired, latency and detection percentiles pooled over the runs, and charts of the first run:
 * every server's role, availability, leadership, recovery, probe latency, commit time, gossip
 * detection and client nodes. Every name that comes from the scenario is escaped.
 */
public final class HtmlReport {
    static final List<String> HEADLINE = List.of("writeAvailability", "readAvailabilityConsistent", "readAvailabilityStale",
            "aclWriteAvailability", "leaderChanges", "leaderlessSeconds", "elections", "committedWritesLost", "invariantViolations",
            "serverFailures", "autopilotRemovals", "nodesMarkedDown", "nodesFalselyMarkedDown", "allocationsLost",
            "allocationsRescheduled", "messagesSent", "messagesDropped");

    private HtmlReport() {}

    public static String render(Scenario scenario, List<RunResult> runs) {
        System.setProperty("java.awt.headless", "true");
        RunResult first = runs.get(0);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ClusterSim: ")
                .append(esc(first.scenario())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:960px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
                .append("th{background:#f4f4f4}pre{background:#f8f8f8;padding:1em;overflow:auto}svg{max-width:100%;height:auto}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(first.scenario())).append("</h1>\n<p>").append(esc(scenario.description())).append("</p>\n");
        h.append("<p>").append(runs.size() == 1 ? "One run, seed " + first.seed()
                : runs.size() + " replications from seed " + first.seed() + " (charts: the first)").append(", ")
                .append(esc(Durations.format(first.simulatedNanos()))).append(" simulated, trace ").append(esc(first.traceHash()))
                .append("</p>\n");
        if (!scenario.warnings().isEmpty()) {
            h.append("<h2>Against the reference architecture</h2>\n<ul>");
            for (String w : scenario.warnings()) {
                h.append("<li>").append(esc(w)).append("</li>");
            }
            h.append("</ul>\n");
        }
        headline(h, runs);
        String topology = TopologyDrawing.svg(scenario.topology());
        if (!topology.isEmpty()) {
            h.append("<h2>Topology</h2>\n<figure>").append(topology).append("</figure>\n");
        }
        places(h, first);
        faults(h, first);
        h.append("<h2>Leaders</h2>\n<ul>");
        for (String line : first.summary()) {
            h.append("<li>").append(esc(line)).append("</li>");
        }
        h.append("</ul>\n");
        distributions(h, runs);
        h.append("<h2>Charts (first run)</h2>\n");
        for (String svg : List.of(RoleChart.svg(first), Charts.regions(first), Charts.availability(first), Charts.leaders(first), Charts.recoveryCdf(first),
                Charts.latencyCdf(first), Charts.commitTimeCdf(first), Charts.detectionCdf(first), Charts.nodes(first))) {
            if (!svg.isEmpty()) {
                h.append("<figure>").append(svg).append("</figure>\n");
            }
        }
        if (!first.fired().isEmpty()) {
            // The first fault, half a second before to two seconds after: the failure and what it set off.
            long at = first.fired().get(0).atNanos();
            String diagram = SequenceDiagram.svg(scenario.withSeed(first.seed()), Math.max(0, at - 500_000_000L), at + 2_000_000_000L);
            if (!diagram.isEmpty()) {
                h.append("<h2>Messages around the first fault (first run)</h2>\n<figure>").append(diagram).append("</figure>\n");
            }
        }
        h.append("<h2>Scenario</h2>\n<pre>").append(esc(ScenarioReader.describe(scenario))).append("</pre>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    public static Path write(Scenario scenario, List<RunResult> runs, Path dir) throws IOException {
        Path target = dir.resolve("report.html");
        AtomicFiles.write(target, render(scenario, runs));
        return target;
    }

    private static void headline(StringBuilder h, List<RunResult> runs) {
        Map<String, Replicated.Across> across = Replicated.of(runs);
        h.append("<h2>Headline</h2>\n<table><tr><th>metric</th>")
                .append(runs.size() == 1 ? "<th>value</th>" : "<th>mean</th><th>95% interval</th><th>min</th><th>max</th>")
                .append("</tr>\n");
        for (String key : HEADLINE) {
            if (!(across.get(key) instanceof Replicated.Across.Scalar s) || s.interval().n() == 0) {
                continue;
            }
            Interval i = s.interval();
            h.append("<tr><td>").append(key).append("</td><td>").append(Figures.plain(i.mean())).append("</td>");
            if (runs.size() > 1) {
                h.append("<td>").append(Figures.plain(i.low())).append(" to ").append(Figures.plain(i.high())).append("</td><td>").append(Figures.plain(i.min()))
                        .append("</td><td>").append(Figures.plain(i.max())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** Sampled metrics, pooled over every run, with their percentiles. */
    static final List<String> DISTRIBUTIONS = List.of("probeLatencyMs", "raftCommitTimeMs", "timeToRecoverSeconds",
            "leaderlessAsSeenByFollowersSeconds", "failureDetectionFirstSeconds", "failureDetectionAllSeconds",
            "membershipConvergenceSeconds", "clientTtlSeconds", "timeToRescheduleSeconds", "replicationLagSeconds");

    private static void distributions(StringBuilder h, List<RunResult> runs) {
        Map<String, Replicated.Across> across = Replicated.of(runs);
        StringBuilder rows = new StringBuilder();
        for (String key : DISTRIBUTIONS) {
            if (across.get(key) instanceof Replicated.Across.Pooled p && p.summary().count() > 0) {
                Summary s = p.summary();
                rows.append("<tr><td>").append(key).append("</td><td>").append(s.count()).append("</td>");
                for (double v : new double[] {s.p50(), s.p90(), s.p99(), s.max()}) {
                    rows.append("<td>").append(Figures.plain(v)).append("</td>");
                }
                rows.append("</tr>\n");
            }
        }
        if (rows.length() > 0) {
            h.append("<h2>Latency, recovery and detection").append(runs.size() > 1 ? " (pooled over every run)" : "")
                    .append("</h2>\n<table><tr><th>metric</th><th>samples</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr>\n")
                    .append(rows).append("</table>\n");
        }
    }

    /** Each region's and each zone's availability in the first run. */
    private static void places(StringBuilder h, RunResult r) {
        if (!(r.metrics().get("regions") instanceof Metric.Group regions)) {
            return;
        }
        h.append("<h2>By region and zone (first run)</h2>\n<table><tr><th>place</th><th>write</th><th>consistent read</th>")
                .append("<th>stale read</th><th>leader changes</th></tr>\n");
        for (Map.Entry<String, Metric> region : regions.members().entrySet()) {
            if (!(region.getValue() instanceof Metric.Group rg)) {
                continue;
            }
            row(h, region.getKey(), rg.members());
            if (rg.members().get("zones") instanceof Metric.Group zones) {
                for (Map.Entry<String, Metric> z : zones.members().entrySet()) {
                    if (z.getValue() instanceof Metric.Group zg) {
                        row(h, region.getKey() + " / " + z.getKey(), zg.members());
                    }
                }
            }
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String place, Map<String, Metric> m) {
        h.append("<tr><td>").append(esc(place)).append("</td>");
        for (String key : List.of("writeAvailability", "readAvailabilityConsistent", "readAvailabilityStale", "leaderChanges")) {
            h.append("<td>").append(m.get(key) == null ? "" : Figures.plain(Replicated.scalar(m.get(key)))).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void faults(StringBuilder h, RunResult r) {
        if (r.fired().isEmpty()) {
            return;
        }
        h.append("<h2>Faults (first run)</h2>\n<table><tr><th>at</th><th>for</th><th>fault</th><th>on</th>")
                .append("<th>write availability in it</th></tr>\n");
        Map<String, Metric> windows = r.metrics().get("failureWindows") instanceof Metric.Group g ? g.members() : Map.of();
        int shown = 0;
        for (Fired f : r.fired()) {
            if (shown++ == 200) {
                h.append("<tr><td colspan=\"5\">... ").append(r.fired().size() - 200).append(" more</td></tr>\n");
                break;
            }
            String availability = windows.get(f.label()) instanceof Metric.Group w && w.members().get("writeAvailability") instanceof Metric.Value v
                    ? Figures.plain(v.value()) : "";
            h.append("<tr><td>").append(esc(Durations.format(f.atNanos()))).append("</td><td>")
                    .append(f.source().durationNanos() > 0 ? esc(Durations.format(f.source().durationNanos())) : "")
                    .append("</td><td>").append(esc(FailureInjector.describe(f.source().fault()))).append("</td><td>")
                    .append(esc(String.join(", ", f.nodes().size() > 6 ? f.nodes().subList(0, 6) : f.nodes())))
                    .append(f.nodes().size() > 6 ? " and " + (f.nodes().size() - 6) + " more" : "").append("</td><td>")
                    .append(availability).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** HTML-escapes text from the scenario (names, descriptions) and from the run. */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
