package io.clustersim.reports.compare;

import io.clustersim.reports.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Compares two sides metric by metric: each side's mean and 95% interval, the difference B - A,
 * and Welch's two-sided t-test (unequal variances; Commons Statistics) at the given level. Whether
 * a difference is "better" or "worse" follows the metric: availability is better higher; leader
 * changes, leaderless time, lost writes, false downs are better lower; for the others (message
 * counts, ...) a significant difference is only "different".
 */
public final class Comparison {
    /** Which way is better for a metric. */
    public enum Direction {
        HIGHER_IS_BETTER,
        LOWER_IS_BETTER,
        NEUTRAL
    }

    /** One metric's row. {@code pValue} is NaN where neither side varies and they agree. */
    public record Row(String metric, Interval a, Interval b, double difference, double pValue, String verdict) {
        public boolean worse() {
            return verdict.equals("B worse");
        }
    }

    private Comparison() {}

    public static Direction direction(String metric) {
        if (metric.endsWith("Availability") || metric.endsWith("AvailabilityConsistent") || metric.endsWith("AvailabilityStale")
                || metric.equals("nodesReady") || metric.equals("raftVoters") || metric.equals("raftPeers")) {
            return Direction.HIGHER_IS_BETTER;
        }
        if (metric.startsWith("leader") || metric.contains("Lost") || metric.contains("Falsely") || metric.contains("Violations")
                || metric.contains("Unplaced") || metric.equals("nodesMarkedDown") || metric.equals("splitVotes")
                || metric.equals("elections") || metric.equals("rpcHoldTimeouts") || metric.startsWith("falseFailures")
                || metric.equals("messagesDropped")) {
            return Direction.LOWER_IS_BETTER;
        }
        return Direction.NEUTRAL;
    }

    /** The metrics both sides have, in A's order. */
    public static List<Row> of(PerRun a, PerRun b, double alpha) {
        List<Row> rows = new ArrayList<>();
        for (var e : a.values().entrySet()) {
            double[] y = b.values().get(e.getKey());
            if (y == null) {
                continue;
            }
            double[] x = finite(e.getValue());
            y = finite(y);
            if (x.length == 0 || y.length == 0) {
                continue;
            }
            Interval ia = Interval.of(x);
            Interval ib = Interval.of(y);
            double diff = ib.mean() - ia.mean();
            double p = pValue(x, y);
            boolean significant = !Double.isNaN(p) && p < alpha;
            rows.add(new Row(e.getKey(), ia, ib, diff, p, verdict(direction(e.getKey()), diff, significant)));
        }
        return rows;
    }

    private static double pValue(double[] x, double[] y) {
        boolean constantX = Arrays.stream(x).allMatch(v -> v == x[0]);
        boolean constantY = Arrays.stream(y).allMatch(v -> v == y[0]);
        if (constantX && constantY) {
            // No spread on either side: the means are either equal (no evidence) or certainly apart.
            return x[0] == y[0] ? Double.NaN : 0.0;
        }
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        return TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(x, y).getPValue();
    }

    private static String verdict(Direction d, double diff, boolean significant) {
        if (!significant || diff == 0) {
            return "no significant difference";
        }
        return switch (d) {
            case HIGHER_IS_BETTER -> diff > 0 ? "B better" : "B worse";
            case LOWER_IS_BETTER -> diff < 0 ? "B better" : "B worse";
            case NEUTRAL -> "different";
        };
    }

    private static double[] finite(double[] xs) {
        return Arrays.stream(xs).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** The table as text, one row per metric. */
    public static String render(PerRun a, PerRun b, List<Row> rows, double alpha) {
        StringBuilder sb = new StringBuilder();
        sb.append("A: ").append(a.name()).append('\n').append("B: ").append(b.name()).append('\n');
        sb.append(String.format(Locale.ROOT, "Welch's t-test, two-sided, significant at p < %.3g; intervals are 95%% (Student's t)%n%n",
                alpha));
        sb.append(String.format(Locale.ROOT, "%-36s %-30s %-30s %12s %9s  %s%n", "metric", "A mean [95% interval]",
                "B mean [95% interval]", "B - A", "p", "verdict"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-36s %-30s %-30s %12s %9s  %s%n", r.metric(), cell(r.a()), cell(r.b()),
                    number(r.difference()), Double.isNaN(r.pValue()) ? "-" : String.format(Locale.ROOT, "%.4f", r.pValue()),
                    r.verdict()));
        }
        return sb.toString();
    }

    private static String cell(Interval i) {
        return i.n() < 2 ? number(i.mean()) : number(i.mean()) + " [" + number(i.low()) + ", " + number(i.high()) + "]";
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 1000 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
