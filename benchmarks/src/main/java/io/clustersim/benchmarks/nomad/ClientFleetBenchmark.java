package io.clustersim.benchmarks.nomad;

import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Wall time and heap of a region of five servers over three AZs (2, 2, 1) with {@code clients}
 * clients spread over the AZs, running a job mix that grows with the fleet as real fleets do, in
 * more jobs rather than larger ones: one service job of 30 allocations spread over the zones per
 * 100 clients, one service job of 40 per 200 clients (each updated every two hours), a system job
 * on every client, and a batch job submitted 30 times an hour (20 allocations of 10 minutes).
 * Probes call every 10 s; the failover TTL follows Nomad's advice for large fleets. The heap
 * figures are the peak of the heap pools during the run and the live heap after a full
 * collection at the end (with the run's state still referenced).
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.nomad.ClientFleetBenchmark [clients] [duration]
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.nomad.ClientFleetBenchmark scale   # 1k, 10k, 100k for 1h
 * </pre>
 */
public final class ClientFleetBenchmark {
    private ClientFleetBenchmark() {}

    public static String scenario(int clients, String duration) {
        int a = clients - 2 * (clients / 3);
        int b = clients / 3;
        StringBuilder jobs = new StringBuilder("""
                  - name: exporter
                    type: system
                    groups: [ { name: e, cpu: 100, memory: 64MB } ]
                  - name: etl
                    type: batch
                    submissionsPerHour: 30
                    groups: [ { name: etl, count: 20, cpu: 2000, memory: 2GB, runtime: 10m } ]
                """);
        for (int k = 1; k <= Math.max(1, clients / 100); k++) {
            jobs.append("  - name: api-").append(k)
                    .append("\n    groups: [ { name: api, count: 30, cpu: 1000, memory: 1GB, spread: zone } ]\n");
        }
        for (int k = 1; k <= Math.max(1, clients / 200); k++) {
            jobs.append("  - name: web-").append(k).append("\n    updatesPerHour: 0.5")
                    .append("\n    groups: [ { name: web, count: 40, cpu: 500, memory: 512MB } ]\n");
        }
        return """
                name: fleet-%d
                seed: 1
                duration: %s
                topology:
                  regions:
                    - name: us-east
                      datacenters:
                        - name: dc1
                          zones:
                            - { name: us-east-1a, servers: 2, clients: %d }
                            - { name: us-east-1b, servers: 2, clients: %d }
                            - { name: us-east-1c, servers: 1, clients: %d }
                probes: { interval: 10s, timeout: 5s }
                heartbeat: { failoverHeartbeatTtl: %ds }
                workload: { registerJobsAt: 60s }
                jobs:
                """.formatted(clients, duration, a, b, b,
                // Nomad's docs: above 5,000 clients, failover TTL = 2 N / rate + 10 min TTL.
                Math.max(300, (long) Math.ceil(2.0 * clients / 50 + 100))) + jobs;
    }

    /**
     * What one run cost. The simulation's own thread's CPU time and the collectors' time sit
     * beside the wall time: on a shared machine they vary less from run to run, and builds are
     * compared on them back to back.
     */
    public record Cost(int clients, String duration, double wallSeconds, double cpuSeconds, double gcSeconds,
            long events, long peakHeapBytes, long liveHeapBytes, String traceHash) {}

    public static Cost run(int clients, String duration) {
        Scenario s = new ScenarioReader().read("fleet-" + clients + ".yaml", scenario(clients, duration));
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        java.lang.management.ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        long gcBefore = gcMillis();
        long cpuBefore = thread.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        RunResult r = new ScenarioRunner().run(s, null);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (thread.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double gc = (gcMillis() - gcBefore) / 1e3;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Cost c = new Cost(clients, duration, wall, cpu, gc, r.events(), peak, live, r.traceHash());
        // Keep the result reachable until the live heap is read.
        if (r.metrics().isEmpty()) {
            throw new IllegalStateException("no metrics");
        }
        return c;
    }

    /** Milliseconds the collectors have spent so far. */
    private static long gcMillis() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, g.getCollectionTime());
        }
        return total;
    }

    static void print(Cost c) {
        System.out.printf(Locale.ROOT, "%8d clients %5s: wall %7.2f s (simulation thread CPU %.2f s, GC %.2f s), %,12d events "
                + "(%.2f M/s), peak heap %6.0f MiB, live heap %6.0f MiB (%.1f KiB per client), trace %s%n", c.clients(),
                c.duration(), c.wallSeconds(), c.cpuSeconds(), c.gcSeconds(), c.events(), c.events() / c.wallSeconds() / 1e6,
                c.peakHeapBytes() / 1048576.0, c.liveHeapBytes() / 1048576.0, c.liveHeapBytes() / 1024.0 / c.clients(),
                c.traceHash());
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("scale")) {
            java.util.List<Cost> costs = new java.util.ArrayList<>();
            for (int n : new int[] {1_000, 10_000, 100_000}) {
                Cost c = run(n, "1h");
                print(c);
                costs.add(c);
            }
            if (args.length > 1) {
                writeCurve(costs, java.nio.file.Path.of(args[1]));
            }
            return;
        }
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String duration = args.length > 1 ? args[1] : "24h";
        print(run(clients, duration));
    }

    /** Wall seconds and live heap against clients, on log-log axes, as an SVG. */
    static void writeCurve(java.util.List<Cost> costs, java.nio.file.Path file) {
        org.jfree.data.xy.XYSeries wall = new org.jfree.data.xy.XYSeries("wall time (s)");
        org.jfree.data.xy.XYSeries heap = new org.jfree.data.xy.XYSeries("live heap (MiB)");
        org.jfree.data.xy.XYSeries linear = new org.jfree.data.xy.XYSeries("linear from 10,000 clients");
        Cost ref = costs.get(1);
        for (Cost c : costs) {
            wall.add(c.clients(), c.wallSeconds());
            heap.add(c.clients(), c.liveHeapBytes() / 1048576.0);
            linear.add(c.clients(), ref.wallSeconds() * c.clients() / ref.clients());
        }
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
        data.addSeries(wall);
        data.addSeries(heap);
        data.addSeries(linear);
        org.jfree.chart.JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart(
                "One simulated hour: cost against clients", "clients", "", data);
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new org.jfree.chart.axis.LogarithmicAxis("clients"));
        plot.setRangeAxis(new org.jfree.chart.axis.LogarithmicAxis("seconds / MiB"));
        org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(720, 420);
        chart.draw(g, new java.awt.Rectangle(0, 0, 720, 420));
        try {
            java.nio.file.Files.writeString(file, g.getSVGDocument());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
