package io.clustersim.reports.html;

import io.clustersim.faults.Fired;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.raft.metrics.RaftMetricNames;
import io.clustersim.raft.metrics.RoleTimeline;
import io.clustersim.scenarios.run.RunResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.svg.SVGGraphics2D;

/**
 * A timeline of every server's role: a row per server, coloured by leader, candidate, follower or
 * down, with the fault windows shaded behind. Drawn with JFreeSVG's Graphics2D (a chart library's
 * bar renderer colours by series, not by value along one bar).
 */
final class RoleChart {
    /** More rows than this are cut, with a line saying so: a timeline of 50 servers helps nobody. */
    static final int MAX_ROWS = 40;
    private static final int LABEL = 170;
    private static final int ROW = 18;
    private static final int TOP = 34;
    private static final int WIDTH = 860;
    private static final Color[] COLOURS = {new Color(229, 57, 53), new Color(144, 202, 249), new Color(255, 179, 0),
        new Color(46, 125, 50)};
    private static final String[] NAMES = {"down", "follower", "candidate", "leader"};

    private RoleChart() {}

    static String svg(RunResult r) {
        if (r.telemetry() == null) {
            return "";
        }
        List<Telemetry.Entry> servers = r.telemetry().entries(RaftMetricNames.SERVER_ROLE);
        if (servers.isEmpty()) {
            return "";
        }
        int rows = Math.min(servers.size(), MAX_ROWS);
        int plotWidth = WIDTH - LABEL - 20;
        int height = TOP + rows * ROW + 40 + (servers.size() > rows ? 16 : 0);
        long end = Math.max(1, r.simulatedNanos());
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        g.setPaint(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        SvgText.draw(g, "Server roles over time (shaded: faults)", 10, 18, Font.BOLD, 14);
        int x = 10;
        for (int i = NAMES.length - 1; i >= 0; i--) {
            g.setPaint(COLOURS[i]);
            g.fillRect(WIDTH - 340 + x, 8, 12, 12);
            SvgText.draw(g, NAMES[i], WIDTH - 340 + x + 16, 18, Font.PLAIN, 11);
            x += 82;
        }
        for (Fired f : r.fired()) {
            long to = Math.min(end, f.endNanos());
            double fx = LABEL + plotWidth * (f.atNanos() / (double) end);
            double fw = Math.max(1, plotWidth * ((to - f.atNanos()) / (double) end));
            g.setPaint(new Color(220, 60, 60, 40));
            g.fill(new Rectangle2D.Double(fx, TOP - 4, fw, rows * ROW + 8));
        }
        for (int i = 0; i < rows; i++) {
            Telemetry.Entry e = servers.get(i);
            int y = TOP + i * ROW;
            String region = e.labels().get("region");
            SvgText.draw(g, (region == null ? "" : region + " / ") + e.labels().get("server"), 10, y + 12, Font.PLAIN, 11);
            Level l = e.level();
            long[] times = l.changeTimes();
            double[] values = l.changeValues();
            long from = l.startNanos();
            double value = l.valueAt(from);
            for (int c = 0; c <= times.length; c++) {
                long to = c < times.length ? times[c] : end;
                if (to > from) {
                    g.setPaint(COLOURS[(int) Math.max(RoleTimeline.DOWN, Math.min(RoleTimeline.LEADER, value))]);
                    g.fill(new Rectangle2D.Double(LABEL + plotWidth * (from / (double) end), y + 2,
                            Math.max(0.5, plotWidth * ((to - from) / (double) end)), ROW - 4));
                }
                if (c < times.length) {
                    from = Math.max(from, times[c]);
                    value = values[c];
                }
            }
        }
        int axis = TOP + rows * ROW + 6;
        g.setPaint(Color.GRAY);
        g.drawLine(LABEL, axis, LABEL + plotWidth, axis);
        for (int t = 0; t <= 5; t++) {
            int tx = LABEL + plotWidth * t / 5;
            g.drawLine(tx, axis, tx, axis + 4);
            SvgText.draw(g, io.clustersim.kernel.time.Durations.format(end / 5 * t / 1_000_000_000L * 1_000_000_000L), tx - 10, axis + 16,
                    Font.PLAIN, 10);
        }
        if (servers.size() > rows) {
            SvgText.draw(g, "... and " + (servers.size() - rows) + " more servers", 10, axis + 32, Font.ITALIC, 11);
        }
        return g.getSVGElement();
    }
}
