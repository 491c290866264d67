package io.clustersim.reports.capacity;

import io.clustersim.model.capacity.PlanTargets;
import io.clustersim.model.capacity.ServerCapacity;
import io.clustersim.reports.stats.Replicated;
import io.clustersim.reports.stats.Summary;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A sweep's capacity plan. Each variant is a size (instance class and server count) under a load
 * (its clients); its figures are means over its replications, and its commit times those after
 * the warm-up, pooled:
 *
 * <ul>
 *   <li>it <em>meets</em> the service levels when the leader's Raft commit p99, the nodes falsely
 *       marked down and the write availability are within {@link PlanTargets};
 *   <li>a size's <em>knee</em> is the smallest load tried at which it does not;
 *   <li>the <em>recommendation</em> is the smallest size (fewest cores in all, then fewest servers)
 *       that meets them at every load tried and, at the largest, with the busiest server's CPU at
 *       most 1 - headroom.
 * </ul>
 */
public record CapacityPlan(PlanTargets targets, List<Row> rows, List<Knee> knees, Optional<Size> recommendation, long plannedLoad) {

    /** A server size: instance class, its cores, and how many servers. */
    public record Size(String instance, int cores, int servers) {
        public String label() {
            return servers + " x " + instance + " (" + cores + " cores)";
        }

        int totalCores() {
            return cores * servers;
        }
    }

    /** One variant's figures. */
    public record Row(String variant, Size size, long clients, double cpuUtilisation, double cpuOfferedLoad, double cpuWaitMs,
            double diskIopsUtilisation, double nicUtilisation,
            double commitP50Ms, double commitP99Ms, double heartbeatP99Ms, double nodesFalselyMarkedDown, double writeAvailability,
            double stateShareOfMemory, boolean meets, boolean withHeadroom) {}

    /** Where a size stops meeting the service levels: the last load it met them at, and the first it did not (0: never). */
    public record Knee(Size size, long lastMet, long firstMissed) {}

    /** One variant of the sweep: its label, its scenario and its runs. */
    public record Variant(String label, Scenario scenario, List<RunResult> runs) {}

    /** The plan of a sweep whose servers have a modelled capacity; empty otherwise. */
    public static Optional<CapacityPlan> of(List<Variant> variants) {
        if (variants.isEmpty() || !variants.get(0).scenario().nomad().capacity().modelled()) {
            return Optional.empty();
        }
        PlanTargets t = variants.get(0).scenario().nomad().capacity().targets();
        List<Row> rows = new ArrayList<>();
        for (Variant v : variants) {
            rows.add(row(v, t));
        }
        Map<Size, List<Row>> bySize = new TreeMap<>(Comparator.comparingInt(Size::totalCores).thenComparingInt(Size::servers)
                .thenComparing(Size::instance));
        for (Row r : rows) {
            bySize.computeIfAbsent(r.size(), s -> new ArrayList<>()).add(r);
        }
        long planned = rows.stream().mapToLong(Row::clients).max().orElse(0);
        List<Knee> knees = new ArrayList<>();
        Size recommended = null;
        for (Map.Entry<Size, List<Row>> e : bySize.entrySet()) {
            List<Row> byLoad = new ArrayList<>(e.getValue());
            byLoad.sort(Comparator.comparingLong(Row::clients));
            long lastMet = 0;
            long firstMissed = 0;
            for (Row r : byLoad) {
                if (!r.meets()) {
                    firstMissed = r.clients();
                    break;
                }
                lastMet = r.clients();
            }
            knees.add(new Knee(e.getKey(), lastMet, firstMissed));
            // It must hold at every load tried up to the planned one, not only at that one.
            boolean fits = byLoad.stream().anyMatch(r -> r.clients() == planned && r.withHeadroom())
                    && byLoad.stream().allMatch(r -> r.clients() > planned || r.meets());
            if (fits && recommended == null) {
                recommended = e.getKey(); // sizes come smallest first
            }
        }
        return Optional.of(new CapacityPlan(t, rows, knees, Optional.ofNullable(recommended), planned));
    }

    private static Row row(Variant v, PlanTargets t) {
        Scenario s = v.scenario();
        ServerCapacity c = s.nomad().capacity();
        Size size = new Size(c.instance().name(), c.instance().cores(), s.topology().totalServers());
        Map<String, Replicated.Across> across = Replicated.of(v.runs());
        Summary commit = steadyCommit(v.runs());
        double commitP50 = commit == null ? Double.NaN : commit.p50();
        double commitP99 = commit == null ? Double.NaN : commit.p99();
        double falseDowns = mean(across, "nodesFalselyMarkedDown");
        double write = mean(across, "writeAvailability");
        double cpu = meanOfMax(v.runs(), "serverCpuUtilisation");
        boolean meets = !(commitP99 > t.commitP99Ms()) && !(falseDowns > t.maxNodesFalselyMarkedDown())
                && !(write < t.minWriteAvailability());
        double heartbeatP99 = across.get("heartbeatProcessingMs") instanceof Replicated.Across.Pooled p && p.summary().count() > 0
                ? p.summary().p99() : Double.NaN;
        double memory = meanOfMax(v.runs(), "stateMegabytes") * 1e6 / c.instance().memoryBytes();
        return new Row(v.label(), size, s.topology().totalClients(), cpu, meanOfMax(v.runs(), "serverCpuOfferedLoad"),
                meanOfMax(v.runs(), "serverCpuWaitMs"), meanOfMax(v.runs(), "serverDiskIopsUtilisation"),
                meanOfMax(v.runs(), "serverNicUtilisation"), commitP50, commitP99, heartbeatP99, falseDowns, write, memory, meets,
                meets && cpu <= 1 - t.headroom());
    }

    /** The leader's commit times after the warm-up, pooled over the runs (null if none). */
    private static Summary steadyCommit(List<RunResult> runs) {
        List<Double> all = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.metrics().get("afterWarmup") instanceof Metric.Group g && g.members().get("raftCommitTimeMs") instanceof Metric.Samples s) {
                for (double x : s.values()) {
                    all.add(x);
                }
            }
        }
        return all.isEmpty() ? null : Summary.of(all.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The share of an instance's memory the state may take before the report warns: the rest is Nomad's own and the OS's. */
    public static final double MEMORY_WARNING_SHARE = 0.5;

    /** Sizes whose state took more than {@link #MEMORY_WARNING_SHARE} of their memory, as warnings. */
    public List<String> memoryWarnings() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.stateShareOfMemory() > MEMORY_WARNING_SHARE) {
                out.add(String.format(java.util.Locale.ROOT, "%s with %,d clients: the state takes %.0f%% of each server's memory",
                        r.size().label(), r.clients(), 100 * r.stateShareOfMemory()));
            }
        }
        return out;
    }

    private static double mean(Map<String, Replicated.Across> across, String key) {
        return across.get(key) instanceof Replicated.Across.Scalar s && s.interval().n() > 0 ? s.interval().mean() : Double.NaN;
    }

    /** Per run the busiest server's figure, averaged over the runs. */
    private static double meanOfMax(List<RunResult> runs, String key) {
        double sum = 0;
        int n = 0;
        for (RunResult r : runs) {
            if (r.metrics().get(key) instanceof Metric.Samples s && s.values().length > 0) {
                sum += Summary.of(s.values()).max();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
