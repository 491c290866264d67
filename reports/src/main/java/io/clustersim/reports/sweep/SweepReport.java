package io.clustersim.reports.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.reports.capacity.CapacityPlan;
import io.clustersim.reports.capacity.PlanReport;
import io.clustersim.reports.csv.RunsCsv;
import io.clustersim.reports.html.Charts;
import io.clustersim.reports.html.HtmlReport;
import io.clustersim.reports.json.AtomicFiles;
import io.clustersim.reports.json.ReplicationsJson;
import io.clustersim.reports.markdown.SummaryMarkdown;
import io.clustersim.reports.stats.Interval;
import io.clustersim.reports.stats.Replicated;
import io.clustersim.reports.text.Figures;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The outputs of a sweep: {@code report.json} with every variant's replications (as
 * {@link ReplicationsJson} gives them), {@code runs.csv} with a variant column, {@code summary.md}
 * with a row per variant, and {@code report.html} with the comparison charts (each headline metric's
 * mean and 95% interval against the variant).
 */
public final class SweepReport {
    /** One variant, its scenario and its runs. */
    public record Variant(String label, Scenario scenario, List<RunResult> runs) {}

    static final List<String> COMPARED = List.of("writeAvailability", "leaderlessSeconds", "leaderChanges", "nodesMarkedDown",
            "allocationsLost");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepReport() {}

    /** Writes every output of the sweep; returns the summary table it wrote to {@code summary.md}, for printing. */
    public static String write(String scenario, List<Variant> variants, Path dir) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario);
        root.put("variants", variants.size());
        ArrayNode list = root.putArray("sweep");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            ObjectNode n = ReplicationsJson.toTree(v.runs());
            n.put("variant", v.label());
            list.add(n);
            String[] lines = RunsCsv.render(v.runs()).split("\n");
            for (int l = i == 0 ? 0 : 1; l < lines.length; l++) {
                csv.append(l == 0 ? "variant," : csvCell(v.label()) + ",").append(lines[l]).append('\n');
            }
        }
        // Each figure across its runs, and the plan, once for every output.
        List<Row> rows = rows(variants);
        Optional<CapacityPlan> plan = plan(variants);
        plan.ifPresent(p -> root.set("capacityPlan", PlanReport.json(p)));
        String markdown = markdown(scenario, rows, plan);
        AtomicFiles.write(dir.resolve("report.json"), MAPPER.writeValueAsString(root) + "\n");
        AtomicFiles.write(dir.resolve("runs.csv"), csv.toString());
        AtomicFiles.write(dir.resolve("summary.md"), markdown);
        AtomicFiles.write(dir.resolve("report.html"), html(scenario, rows, plan));
        return markdown;
    }

    /** The capacity plan, when the variants' servers have a modelled capacity. */
    public static Optional<CapacityPlan> plan(List<Variant> variants) {
        List<CapacityPlan.Variant> vs = new ArrayList<>();
        for (Variant v : variants) {
            vs.add(new CapacityPlan.Variant(v.label(), v.scenario(), v.runs()));
        }
        return CapacityPlan.of(vs);
    }

    /** One table row: the variant and each compared metric across its runs (null where it has none). */
    private record Row(String label, List<Interval> figures) {}

    private static List<Row> rows(List<Variant> variants) {
        List<Row> rows = new ArrayList<>();
        for (Variant v : variants) {
            Map<String, Replicated.Across> across = Replicated.of(v.runs());
            List<Interval> figures = new ArrayList<>();
            for (String m : COMPARED) {
                figures.add(across.get(m) instanceof Replicated.Across.Scalar s && s.interval().n() > 0 ? s.interval() : null);
            }
            rows.add(new Row(v.label(), figures));
        }
        return rows;
    }

    /** A figure with its interval when there are replications. */
    private static String cell(Interval i) {
        if (i == null) {
            return "";
        }
        return Figures.plain(i.mean()) + (i.n() > 1 ? " [" + Figures.plain(i.low()) + ", " + Figures.plain(i.high()) + "]" : "");
    }

    private static String markdown(String scenario, List<Row> rows, Optional<CapacityPlan> plan) {
        StringBuilder sb = new StringBuilder("### ClusterSim sweep: ").append(SummaryMarkdown.escape(scenario)).append("\n\n| variant |");
        COMPARED.forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append("\n|---|");
        COMPARED.forEach(m -> sb.append("---|"));
        sb.append('\n');
        for (Row r : rows) {
            sb.append("| ").append(SummaryMarkdown.escape(r.label())).append(" |");
            r.figures().forEach(i -> sb.append(' ').append(cell(i)).append(" |"));
            sb.append('\n');
        }
        plan.ifPresent(p -> sb.append(PlanReport.markdown(p)));
        return sb.toString();
    }

    private static String html(String scenario, List<Row> rows, Optional<CapacityPlan> plan) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>ClusterSim sweep: ")
                .append(HtmlReport.esc(scenario)).append("</title><style>body{font-family:system-ui,sans-serif;margin:2em;max-width:960px}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}svg{max-width:100%;height:auto}")
                .append("</style></head><body>\n<h1>Sweep: ").append(HtmlReport.esc(scenario)).append("</h1>\n<table><tr><th>variant</th>");
        COMPARED.forEach(m -> h.append("<th>").append(m).append("</th>"));
        h.append("</tr>\n");
        for (Row r : rows) {
            h.append("<tr><td>").append(HtmlReport.esc(r.label())).append("</td>");
            r.figures().forEach(i -> h.append("<td>").append(cell(i)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (int m = 0; m < COMPARED.size(); m++) {
            DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
            for (Row r : rows) {
                Interval i = r.figures().get(m);
                if (i != null) {
                    data.add(i.mean(), i.n() > 1 ? (i.high() - i.low()) / 2 : 0, COMPARED.get(m), r.label());
                }
            }
            if (data.getColumnCount() == 0) {
                continue;
            }
            String metric = COMPARED.get(m);
            JFreeChart chart = ChartFactory.createLineChart(metric + " by variant (mean, 95% interval)", "variant", metric, data);
            chart.getCategoryPlot().setRenderer(new StatisticalLineAndShapeRenderer(true, true));
            h.append("<figure>").append(Charts.svg(chart)).append("</figure>\n");
        }
        plan.ifPresent(p -> h.append(PlanReport.html(p)));
        return h.append("</body></html>\n").toString();
    }

    private static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
