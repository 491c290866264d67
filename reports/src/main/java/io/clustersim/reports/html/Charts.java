package io.clustersim.reports.html;

import io.clustersim.faults.Fired;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.ProbeAvailability;
import io.clustersim.scenarios.run.RunResult;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** The report's charts, each drawn by JFreeChart into an SVG element (JFreeSVG) for inlining. */
public final class Charts {
    private static final int WIDTH = 860;
    /** A range axis narrower than this holds a single value. */
    private static final double FLAT = 1e-6;
    private static final int HEIGHT = 320;
    private static final double NS = 1e9;

    private Charts() {}

    /** Write availability per region over time, bucketed, with every fault's window shaded. */
    static String availability(RunResult r) {
        Telemetry t = r.telemetry();
        long end = r.simulatedNanos();
        long bucket = Math.max(1_000_000_000L, end / 300);
        XYSeriesCollection data = new XYSeriesCollection();
        for (String region : regions(t)) {
            XYSeries s = new XYSeries(region);
            for (long from = 0; from < end; from += bucket) {
                double a = ProbeAvailability.writes(t, from, Math.min(end, from + bucket), l -> region.equals(l.get("region")));
                if (!Double.isNaN(a)) {
                    s.add(from / NS, a);
                }
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Write availability over time (shaded: faults)", "simulated seconds",
                "share of probe writes answered", data);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(-0.02, 1.02);
        shadeFaults(plot, r.fired(), end);
        return svg(chart);
    }

    /** Who led each region over time (server index, 0 for nobody), as steps. */
    static String leaders(RunResult r) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Telemetry.Entry e : r.telemetry().entries(NomadMetrics.LEADER)) {
            Level l = e.level();
            XYSeries s = new XYSeries(String.valueOf(e.labels().get("region")));
            long[] times = l.changeTimes();
            double[] values = l.changeValues();
            for (int i = 0; i < times.length; i++) {
                s.add(times[i] / NS, values[i]);
            }
            s.add(r.simulatedNanos() / NS, values.length == 0 ? 0 : values[values.length - 1]);
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Leader over time (server number; 0: no leader)", "simulated seconds",
                "leading server", data);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        shadeFaults(chart.getXYPlot(), r.fired(), r.simulatedNanos());
        return svg(chart);
    }

    /** The cumulative distribution of the probes' latencies. */
    static String latencyCdf(RunResult r) {
        return cdf(r, "Probe latency, cumulative", "milliseconds", "share of answered calls", "probeLatencyMs", "probe calls");
    }

    /** The cumulative distribution of the leaders' commit times (append to commit, raft.commitTime). */
    static String commitTimeCdf(RunResult r) {
        return cdf(r, "Raft commit time on the leader, cumulative", "milliseconds", "share of entries", "raftCommitTimeMs",
                "entries");
    }

    /** How long Serf took to declare failed members dead: the first server to know, and the last. */
    static String detectionCdf(RunResult r) {
        return cdf(r, "Gossip failure detection, cumulative", "seconds after the failure", "share of failures",
                "failureDetectionFirstSeconds", "first member to know", "failureDetectionAllSeconds", "every member knows");
    }

    /** Cumulative distributions of sampled metrics ({@code key, series name} pairs), those the run has. */
    private static String cdf(RunResult r, String title, String x, String y, String... keysAndNames) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < keysAndNames.length; k += 2) {
            if (!(r.metrics().get(keysAndNames[k]) instanceof Metric.Samples s) || s.values().length == 0) {
                continue;
            }
            double[] xs = s.values().clone();
            Arrays.sort(xs);
            XYSeries cdf = new XYSeries(keysAndNames[k + 1]);
            int step = Math.max(1, xs.length / 400);
            for (int i = 0; i < xs.length; i += step) {
                cdf.add(xs[i], (i + 1) / (double) xs.length);
            }
            cdf.add(xs[xs.length - 1], 1.0);
            data.addSeries(cdf);
        }
        if (data.getSeriesCount() == 0) {
            return "";
        }
        return svg(ChartFactory.createXYLineChart(title, x, y, data));
    }

    /** The cumulative distribution of times to recover (leader lost until its successor's first commit). */
    static String recoveryCdf(RunResult r) {
        if (!(r.metrics().get("timeToRecoverSeconds") instanceof Metric.Samples s) || s.values().length == 0) {
            return "";
        }
        double[] xs = s.values().clone();
        Arrays.sort(xs);
        XYSeries cdf = new XYSeries("leader losses");
        for (int i = 0; i < xs.length; i++) {
            cdf.add(xs[i], (i + 1) / (double) xs.length);
        }
        JFreeChart chart = ChartFactory.createXYStepChart("Time to recover, cumulative", "seconds", "share of leader losses",
                new XYSeriesCollection(cdf));
        return svg(chart);
    }

    /** With several regions: each region's availabilities side by side, as bars (designs compared in one run). */
    static String regions(RunResult r) {
        if (!(r.metrics().get("regions") instanceof Metric.Group regions) || regions.members().size() < 2) {
            return "";
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (java.util.Map.Entry<String, Metric> region : regions.members().entrySet()) {
            if (region.getValue() instanceof Metric.Group g) {
                for (String key : List.of("writeAvailability", "readAvailabilityConsistent", "readAvailabilityStale")) {
                    if (g.members().get(key) instanceof Metric.Value v && !Double.isNaN(v.value())) {
                        data.addValue(v.value(), key, region.getKey());
                    }
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Availability by region", "region", "share of probe calls answered", data);
        chart.getCategoryPlot().getRangeAxis().setRange(0, 1.02);
        return svg(chart);
    }

    /** Client nodes ready and down over time, when there are clients. */
    static String nodes(RunResult r) {
        List<Telemetry.Entry> ready = r.telemetry().entries(NomadMetrics.NODES_READY);
        if (ready.isEmpty()) {
            return "";
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(sum("ready", ready, r.simulatedNanos()));
        data.addSeries(sum("down", r.telemetry().entries(NomadMetrics.NODES_DOWN), r.simulatedNanos()));
        JFreeChart chart = ChartFactory.createXYLineChart("Client nodes by status", "simulated seconds", "nodes", data);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        shadeFaults(chart.getXYPlot(), r.fired(), r.simulatedNanos());
        return svg(chart);
    }

    private static XYSeries sum(String name, List<Telemetry.Entry> entries, long end) {
        TreeSet<Long> times = new TreeSet<>();
        for (Telemetry.Entry e : entries) {
            for (long t : e.level().changeTimes()) {
                times.add(t);
            }
        }
        times.add(end);
        XYSeries s = new XYSeries(name);
        for (long t : times) {
            double v = 0;
            for (Telemetry.Entry e : entries) {
                if (e.level().startNanos() <= t) {
                    v += e.level().valueAt(t);
                }
            }
            s.add(t / NS, v);
        }
        return s;
    }

    private static void shadeFaults(XYPlot plot, List<Fired> fired, long end) {
        for (Fired f : fired) {
            long to = Math.min(end, f.endNanos());
            IntervalMarker m = new IntervalMarker(f.atNanos() / NS, Math.max(f.atNanos() + 1, to) / NS);
            m.setPaint(new Color(220, 60, 60, 40));
            plot.addDomainMarker(m);
        }
    }

    private static TreeSet<String> regions(Telemetry t) {
        TreeSet<String> out = new TreeSet<>();
        for (Telemetry.Entry e : t.entries(NomadMetrics.WRITE_AVAILABILITY)) {
            out.add(String.valueOf(e.labels().get("region")));
        }
        return out;
    }

    /**
     * {@code chart} as an inline SVG element, in the reports' one style (white, light grey grid):
     * every chart of every report is drawn here.
     */
    public static String svg(JFreeChart chart) {
        System.setProperty("java.awt.headless", "true");
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot c) {
            c.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        ValueAxis range = chart.getPlot() instanceof CategoryPlot c ? c.getRangeAxis()
                : chart.getPlot() instanceof XYPlot xy ? xy.getRangeAxis() : null;
        if (range != null && range.getRange().getLength() < FLAT) {
            // Every value the same (a count that stayed 0 in every variant): the automatic axis is
            // then a hundred-millionth wide, ticked "-5E-9 ... 0E0 ... 5E-9".
            double v = range.getRange().getCentralValue();
            range.setRange(v == 0 ? new Range(0, 1) : new Range(v - Math.abs(v) / 2, v + Math.abs(v) / 2));
        }
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

}
