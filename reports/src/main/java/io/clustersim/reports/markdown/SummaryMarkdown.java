package io.clustersim.reports.markdown;

import io.clustersim.reports.json.AtomicFiles;
import io.clustersim.reports.stats.Interval;
import io.clustersim.reports.stats.Replicated;
import io.clustersim.reports.text.Figures;
import io.clustersim.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.md}: the headline figures as a short Markdown table, fit for a CI job summary
 * (e.g. append it to {@code $GITHUB_STEP_SUMMARY}).
 */
public final class SummaryMarkdown {
    /** The figures the table shows, when the report has them. */
    static final List<String> HEADLINE = List.of("writeAvailability", "readAvailabilityConsistent", "readAvailabilityStale",
            "aclWriteAvailability", "leaderChanges", "leaderlessSeconds", "committedWritesLost", "invariantViolations",
            "nodesMarkedDown", "nodesFalselyMarkedDown", "allocationsLost", "serverFailures", "autopilotRemovals");

    private SummaryMarkdown() {}

    public static String render(List<RunResult> runs) {
        RunResult first = runs.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append("### ClusterSim: ").append(escape(first.scenario())).append("\n\n");
        sb.append(runs.size() == 1 ? "1 run, seed " + first.seed() : runs.size() + " replications from seed " + first.seed())
                .append(String.format(Locale.ROOT, ", %.0f simulated seconds each%n%n", first.simulatedNanos() / 1e9));
        sb.append(runs.size() == 1 ? "| metric | value |\n|---|---|\n" : "| metric | mean | 95% interval | min | max |\n|---|---|---|---|---|\n");
        Map<String, Replicated.Across> across = Replicated.of(runs);
        for (String key : HEADLINE) {
            if (!(across.get(key) instanceof Replicated.Across.Scalar s) || s.interval().n() == 0) {
                continue;
            }
            Interval i = s.interval();
            if (runs.size() == 1) {
                sb.append("| ").append(key).append(" | ").append(Figures.plain(i.mean())).append(" |\n");
            } else {
                sb.append("| ").append(key).append(" | ").append(Figures.plain(i.mean())).append(" | ").append(Figures.plain(i.low())).append(" to ")
                        .append(Figures.plain(i.high())).append(" | ").append(Figures.plain(i.min())).append(" | ").append(Figures.plain(i.max()))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    public static Path write(List<RunResult> runs, Path dir) throws IOException {
        Path target = dir.resolve("summary.md");
        AtomicFiles.write(target, render(runs));
        return target;
    }

    /** Scenario names are plain already; this keeps a table cell a cell whatever they hold. */
    public static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
