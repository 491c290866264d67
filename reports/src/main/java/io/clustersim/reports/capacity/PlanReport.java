package io.clustersim.reports.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clustersim.reports.html.Charts;
import io.clustersim.reports.html.HtmlReport;
import io.clustersim.reports.json.ReportJson;
import io.clustersim.reports.markdown.SummaryMarkdown;
import io.clustersim.reports.text.Figures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A capacity plan as {@code report.json} holds it, as a Markdown table, and as an HTML section with its charts. */
public final class PlanReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanReport() {}

    public static ObjectNode json(CapacityPlan plan) {
        ObjectNode n = MAPPER.createObjectNode();
        ObjectNode t = n.putObject("targets");
        t.put("commitP99Ms", plan.targets().commitP99Ms());
        t.put("nodesFalselyMarkedDown", plan.targets().maxNodesFalselyMarkedDown());
        t.put("writeAvailability", plan.targets().minWriteAvailability());
        t.put("headroom", plan.targets().headroom());
        n.put("plannedClients", plan.plannedLoad());
        ArrayNode rows = n.putArray("sizes");
        for (CapacityPlan.Row r : plan.rows()) {
            ObjectNode o = rows.addObject();
            o.put("variant", r.variant());
            o.put("instance", r.size().instance());
            o.put("cores", r.size().cores());
            o.put("servers", r.size().servers());
            o.put("clients", r.clients());
            ReportJson.put(o, "busiestServerCpuUtilisation", r.cpuUtilisation());
            ReportJson.put(o, "busiestServerCpuOfferedLoad", r.cpuOfferedLoad());
            ReportJson.put(o, "busiestServerCpuWaitMs", r.cpuWaitMs());
            ReportJson.put(o, "busiestServerDiskIopsUtilisation", r.diskIopsUtilisation());
            ReportJson.put(o, "busiestServerNicUtilisation", r.nicUtilisation());
            ReportJson.put(o, "commitP50Ms", r.commitP50Ms());
            ReportJson.put(o, "commitP99Ms", r.commitP99Ms());
            ReportJson.put(o, "heartbeatProcessingP99Ms", r.heartbeatP99Ms());
            ReportJson.put(o, "stateShareOfMemory", r.stateShareOfMemory());
            ReportJson.put(o, "nodesFalselyMarkedDown", r.nodesFalselyMarkedDown());
            ReportJson.put(o, "writeAvailability", r.writeAvailability());
            o.put("meetsSlo", r.meets());
            o.put("meetsSloWithHeadroom", r.withHeadroom());
        }
        ArrayNode knees = n.putArray("knees");
        for (CapacityPlan.Knee k : plan.knees()) {
            ObjectNode o = knees.addObject();
            o.put("size", k.size().label());
            o.put("lastClientsMeetingSlo", k.lastMet());
            if (k.firstMissed() > 0) {
                o.put("firstClientsMissingSlo", k.firstMissed());
            } else {
                o.putNull("firstClientsMissingSlo");
            }
        }
        ArrayNode warnings = n.putArray("warnings");
        plan.memoryWarnings().forEach(warnings::add);
        if (plan.recommendation().isPresent()) {
            n.put("recommendation", plan.recommendation().get().label());
        } else {
            n.putNull("recommendation");
        }
        return n;
    }

    /** One sentence: what to buy, or that nothing tried will do. */
    public static String verdict(CapacityPlan plan) {
        String at = String.format(java.util.Locale.ROOT, "%,d clients", plan.plannedLoad());
        return plan.recommendation().map(s -> "Recommended: " + s.label() + ", the smallest size tried that meets the service levels at "
                + at + " with " + Math.round(plan.targets().headroom() * 100) + "% CPU headroom.")
                .orElse("No size tried meets the service levels at " + at + " with " + Math.round(plan.targets().headroom() * 100)
                        + "% CPU headroom: try larger classes or more servers.");
    }

    public static String markdown(CapacityPlan plan) {
        StringBuilder sb = new StringBuilder("\n### Capacity plan\n\n").append(targets(plan)).append("\n\n");
        sb.append("| size | clients | busiest CPU | offered | disk IOPS | NIC | commit p99 ms | false downs | write availability | meets |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (CapacityPlan.Row r : plan.rows()) {
            sb.append("| ").append(SummaryMarkdown.escape(r.size().label())).append(" | ").append(r.clients()).append(" | ")
                    .append(Figures.plain(r.cpuUtilisation())).append(" | ").append(Figures.plain(r.cpuOfferedLoad())).append(" | ")
                    .append(Figures.plain(r.diskIopsUtilisation())).append(" | ").append(Figures.plain(r.nicUtilisation())).append(" | ")
                    .append(Figures.plain(r.commitP99Ms())).append(" | ").append(Figures.plain(r.nodesFalselyMarkedDown()))
                    .append(" | ").append(Figures.plain(r.writeAvailability())).append(" | ")
                    .append(r.withHeadroom() ? "yes" : r.meets() ? "no headroom" : "no").append(" |\n");
        }
        sb.append("\n| size | meets the SLOs up to | first misses them at |\n|---|---|---|\n");
        for (CapacityPlan.Knee k : plan.knees()) {
            sb.append("| ").append(SummaryMarkdown.escape(k.size().label())).append(" | ").append(k.lastMet() == 0 ? "none tried" : k.lastMet())
                    .append(" | ").append(k.firstMissed() == 0 ? "beyond the loads tried" : k.firstMissed()).append(" |\n");
        }
        plan.memoryWarnings().forEach(w -> sb.append("\nWarning: ").append(SummaryMarkdown.escape(w)).append('\n'));
        return sb.append('\n').append(verdict(plan)).append('\n').toString();
    }

    private static String targets(CapacityPlan plan) {
        return String.format(java.util.Locale.ROOT, "Service levels: Raft commit p99 at most %s ms, at most %d nodes falsely marked down, "
                + "write availability at least %s; headroom %d%% (the busiest server's CPU at most %d%%).",
                Figures.plain(plan.targets().commitP99Ms()), plan.targets().maxNodesFalselyMarkedDown(),
                Figures.plain(plan.targets().minWriteAvailability()), Math.round(plan.targets().headroom() * 100),
                Math.round((1 - plan.targets().headroom()) * 100));
    }

    public static String html(CapacityPlan plan) {
        StringBuilder h = new StringBuilder("<h2>Capacity plan</h2>\n<p>").append(HtmlReport.esc(targets(plan))).append("</p>\n<p><strong>")
                .append(HtmlReport.esc(verdict(plan))).append("</strong></p>\n");
        h.append("<table><tr><th>size</th><th>clients</th><th>busiest server CPU</th><th>offered load / capacity</th>")
                .append("<th>CPU wait ms</th><th>disk IOPS in use</th><th>NIC in use</th><th>commit p50 ms</th><th>commit p99 ms</th><th>heartbeat handling p99 ms</th>")
                .append("<th>false downs</th><th>write availability</th><th>state / memory</th><th>meets</th></tr>\n");
        for (CapacityPlan.Row r : plan.rows()) {
            h.append("<tr><td>").append(HtmlReport.esc(r.size().label())).append("</td><td>").append(r.clients()).append("</td>");
            for (double v : new double[] {r.cpuUtilisation(), r.cpuOfferedLoad(), r.cpuWaitMs(), r.diskIopsUtilisation(), r.nicUtilisation(), r.commitP50Ms(), r.commitP99Ms(),
                r.heartbeatP99Ms(), r.nodesFalselyMarkedDown(), r.writeAvailability(), r.stateShareOfMemory()}) {
                h.append("<td>").append(Figures.plain(v)).append("</td>");
            }
            h.append("<td>").append(r.withHeadroom() ? "yes" : r.meets() ? "no headroom" : "no").append("</td></tr>\n");
        }
        h.append("</table>\n<table><tr><th>size</th><th>meets the SLOs up to</th><th>first misses them at</th></tr>\n");
        for (CapacityPlan.Knee k : plan.knees()) {
            h.append("<tr><td>").append(HtmlReport.esc(k.size().label())).append("</td><td>")
                    .append(k.lastMet() == 0 ? "none tried" : k.lastMet()).append("</td><td>")
                    .append(k.firstMissed() == 0 ? "beyond the loads tried" : k.firstMissed()).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!plan.memoryWarnings().isEmpty()) {
            h.append("<ul>");
            plan.memoryWarnings().forEach(w -> h.append("<li>Warning: ").append(HtmlReport.esc(w)).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<figure>").append(chart(plan, "Busiest server's CPU utilisation against clients", "CPU utilisation",
                CapacityPlan.Row::cpuUtilisation, 1 - plan.targets().headroom())).append("</figure>\n");
        h.append("<figure>").append(chart(plan, "Raft commit p99 against clients", "milliseconds", CapacityPlan.Row::commitP99Ms,
                plan.targets().commitP99Ms())).append("</figure>\n");
        return h.toString();
    }

    /** One line per size against the clients, with the target as a dashed line. */
    private static String chart(CapacityPlan plan, String title, String y, ToDoubleFunction<CapacityPlan.Row> f, double target) {
        Map<String, XYSeries> bySize = new LinkedHashMap<>();
        for (CapacityPlan.Row r : plan.rows()) {
            double v = f.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                bySize.computeIfAbsent(r.size().label(), XYSeries::new).add(r.clients(), v);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        bySize.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title + " (dashed: the target)", "clients", y, data);
        XYPlot plot = chart.getXYPlot();
        ValueMarker m = new ValueMarker(target);
        m.setPaint(Color.RED);
        m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        plot.addRangeMarker(m);
        // The target in view, however far below it the sizes stay.
        double top = Math.max(target, plot.getRangeAxis().getUpperBound()) * 1.1;
        plot.getRangeAxis().setRange(0, top);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer()).setSeriesShapesVisible(i, true);
        }
        return Charts.svg(chart);
    }
}
