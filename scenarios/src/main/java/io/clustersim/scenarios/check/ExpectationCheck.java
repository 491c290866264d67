package io.clustersim.scenarios.check;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.Fired;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.kernel.time.Durations;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.probe.Probe;
import io.clustersim.scenarios.run.ProbeAvailability;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Expectations;
import io.clustersim.scenarios.schema.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one run against its scenario's {@link Expectations}; each broken expectation becomes one
 * line saying what was expected, what happened and around which fault. Safety (the Raft invariants,
 * no committed write lost) is the runner's job: a breach ends the run before this is asked.
 */
public final class ExpectationCheck {
    /** A fully available interval: every live probe's writes succeeded. */
    private static final double RECOVERED = 0.999;

    private ExpectationCheck() {}

    public static List<String> broken(Scenario scenario, RunResult r) {
        Expectations e = scenario.expectations();
        List<String> out = new ArrayList<>();
        long lost = r.count("committedWritesLost");
        if (lost > 0) {
            out.add(lost + " committed write(s) lost");
        }
        if (e.maxLeaderChanges() >= 0 && r.count("leaderChanges") > e.maxLeaderChanges()) {
            out.add("expected at most " + e.maxLeaderChanges() + " leader changes, saw " + r.count("leaderChanges"));
        }
        if (e.noNodeFalselyMarkedDown() && r.count("nodesFalselyMarkedDown") > 0) {
            out.add("expected no node falsely marked down, saw " + r.count("nodesFalselyMarkedDown"));
        }
        if (e.minWriteAvailability() > 0) {
            double a = r.value("writeAvailability");
            if (!(a >= e.minWriteAvailability())) {
                out.add(String.format(Locale.ROOT, "expected write availability of at least %.4f, measured %.4f",
                        e.minWriteAvailability(), a));
            }
        }
        if (e.writesRecoverWithinNanos() > 0) {
            writesRecover(scenario, r, e.writesRecoverWithinNanos(), out);
        }
        if (e.allocationsPlacedWithinNanos() > 0) {
            allocationsPlaced(scenario, r, e.allocationsPlacedWithinNanos(), out);
        }
        return out;
    }

    /**
     * After each fault starts and after it ends, there must be, within the bound, one probe
     * interval in which every live probe's writes succeeded. Transitions too close to the end
     * of the run to tell are skipped.
     */
    private static void writesRecover(Scenario s, RunResult r, long within, List<String> out) {
        long step = s.probes().interval().toNanos();
        long end = s.durationNanos();
        for (Fired f : r.fired()) {
            long d = f.source().durationNanos();
            List<Long> transitions = d > 0 ? List.of(f.atNanos(), f.atNanos() + d) : List.of(f.atNanos());
            for (long t : transitions) {
                if (t < s.warmupNanos() || t + within + step > end) {
                    continue;
                }
                boolean recovered = false;
                for (long from = t; from + step <= t + within + step && !recovered; from += step) {
                    java.util.Set<String> excluded = cutOff(r.fired(), from, from + step);
                    double a = ProbeAvailability.writes(r.telemetry(), from, from + step, l -> !excluded.contains(l.get("zone")));
                    recovered = Double.isNaN(a) || a >= RECOVERED;
                }
                if (!recovered) {
                    out.add("writes had not recovered " + Durations.format(within) + " after "
                            + (t == f.atNanos() ? "the start" : "the end") + " of \"" + FailureInjector.describe(f.source().fault())
                            + "\" at " + Durations.format(f.atNanos()) + " (on " + String.join(", ", f.nodes()) + ")");
                }
            }
        }
    }

    /** After each fault ends, the unplaced allocations must fall back to none within the bound. */
    private static void allocationsPlaced(Scenario s, RunResult r, long within, List<String> out) {
        long end = s.durationNanos();
        for (Fired f : r.fired()) {
            long t = f.atNanos() + f.source().durationNanos();
            if (t + within > end) {
                continue;
            }
            double unplaced = 0;
            for (Telemetry.Entry e : r.telemetry().entries(NomadMetrics.ALLOCATIONS_UNPLACED)) {
                unplaced += e.level().valueAt(t + within);
            }
            if (unplaced > 0) {
                out.add((long) unplaced + " allocation(s) still unplaced " + Durations.format(within) + " after the end of \""
                        + FailureInjector.describe(f.source().fault()) + "\" at " + Durations.format(f.atNanos()));
            }
        }
    }

    /**
     * The zones whose probe a fault in force during [from, to) hit (crashed, froze or cut off with
     * its zone): a caller that cannot reach the cluster is not a cluster that has not recovered.
     */
    private static java.util.Set<String> cutOff(List<Fired> fired, long from, long to) {
        java.util.Set<String> zones = new java.util.TreeSet<>();
        for (Fired f : fired) {
            if (f.atNanos() < to && from < f.endNanos()) {
                for (String n : f.nodes()) {
                    Probe.zoneOf(n).ifPresent(zones::add);
                }
            }
        }
        return zones;
    }
}
