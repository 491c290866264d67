package io.clustersim.benchmarks.nomad;

import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock cost of one simulated hour of a Nomad deployment on the command-line path (read the
 * scenario, build the World, run, read the report off the telemetry), fault-free:
 *
 * <ul>
 *   <li>{@code region-3}: Nomad's reference architecture, three servers one per zone, four clients
 *       per zone, a probe in every zone (write, consistent read, stale read every second);
 *   <li>{@code region-5}: the same with five servers over the three zones (2, 2, 1);
 *   <li>{@code federation-3}: three such three-server regions, one authoritative, every probe
 *       also writing an ACL policy, the replicas replicating them.
 * </ul>
 *
 * Each case runs {@code warmups} times untimed (the JIT compiles the hot paths), then {@code runs}
 * times timed; it prints the median and the fastest wall time, events per wall second, and the
 * trace hash of every run (all equal: a run is deterministic).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.clustersim.benchmarks.nomad.NomadDeploymentBenchmark [warmups] [runs] [case...]
 * </pre>
 */
public final class NomadDeploymentBenchmark {
    static final String NETWORK = """
            network:
              latency:
                sameZone:    { lognormal: { median: 0.25ms, p99: 1ms } }
                crossZone:   { lognormal: { median: 1ms, p99: 3ms } }
                crossRegion: { normal: { mean: 70ms, stddev: 5ms } }
              lossProbability: 0.0001
            disk:
              fsync: { lognormal: { median: 1ms, p99: 5ms } }
              iops: 3000
            """;

    /** One benchmark case: its name and its scenario. */
    public record Case(String name, String yaml) {}

    public static final List<Case> CASES = List.of(
            new Case("region-3", scenario("region-3", region("us-east", false, 1, 1, 1))),
            new Case("region-5", scenario("region-5", region("us-east", false, 2, 2, 1))),
            new Case("federation-3", scenario("federation-3", region("us-east", true, 1, 1, 1)
                    + region("eu-west", false, 1, 1, 1) + region("ap-south", false, 1, 1, 1))));

    private NomadDeploymentBenchmark() {}

    static String region(String name, boolean authoritative, int... serversPerZone) {
        StringBuilder sb = new StringBuilder("    - name: ").append(name).append('\n');
        if (authoritative) {
            sb.append("      authoritative: true\n");
        }
        sb.append("      datacenters:\n        - name: ").append(name).append("-dc\n          zones:\n");
        for (int z = 0; z < serversPerZone.length; z++) {
            sb.append("            - { name: ").append(name).append("-1").append((char) ('a' + z)).append(", servers: ")
                    .append(serversPerZone[z]).append(", clients: 4 }\n");
        }
        return sb.toString();
    }

    static String scenario(String name, String regions) {
        return "name: " + name + "\nseed: 42\nduration: 1h\ntopology:\n  regions:\n" + regions + NETWORK
                + "probes: { interval: 1s, timeout: 5s }\n";
    }

    /** One timed run of {@code c}: wall seconds, events and trace hash. */
    public record Timing(double wallSeconds, long events, String traceHash) {}

    public static Timing runOnce(Case c) {
        long start = System.nanoTime();
        Scenario s = new ScenarioReader().read(c.name() + ".yaml", c.yaml());
        RunResult r = new ScenarioRunner().run(s, null);
        return new Timing((System.nanoTime() - start) / 1e9, r.events(), r.traceHash());
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> only = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of();
        System.out.printf(Locale.ROOT, "%-13s %10s %10s %12s %14s  %s%n", "case", "median s", "best s", "events",
                "events/wall s", "trace hashes");
        for (Case c : CASES) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            for (int i = 0; i < warmups; i++) {
                runOnce(c);
            }
            List<Timing> timings = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                timings.add(runOnce(c));
            }
            double[] walls = timings.stream().mapToDouble(Timing::wallSeconds).sorted().toArray();
            double median = walls[walls.length / 2];
            long events = timings.get(0).events();
            System.out.printf(Locale.ROOT, "%-13s %10.3f %10.3f %12d %14.0f  %s%n", c.name(), median, walls[0], events,
                    events / median, timings.stream().map(Timing::traceHash).distinct().toList());
        }
    }
}
