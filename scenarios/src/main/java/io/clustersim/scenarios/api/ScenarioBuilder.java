package io.clustersim.scenarios.api;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a scenario in code. It writes the scenario format and reads it back, so a built
 * scenario is validated exactly as a file is, and {@link #yaml()} shows the file it stands for.
 * <pre>{@code
 * Scenario s = ClusterSim.builder("three-azs").duration("20m").seed(3)
 *         .zone("us-east", "us-east-1a", 1, 10).zone("us-east", "us-east-1b", 1, 10).zone("us-east", "us-east-1c", 1, 10)
 *         .failure("{ at: 5m, crash: zone-of-leader, for: 5m }")
 *         .build();
 * }</pre>
 */
public final class ScenarioBuilder {
    private record Zone(String region, String name, int servers, int clients) {}

    private final String name;
    private String duration = "10m";
    private long seed = 1;
    private final List<Zone> zones = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    ScenarioBuilder(String name) {
        this.name = name;
    }

    /** How long to simulate, e.g. {@code 20m}. */
    public ScenarioBuilder duration(String d) {
        this.duration = d;
        return this;
    }

    public ScenarioBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /** An availability zone of {@code region} (in a datacenter named after the region). */
    public ScenarioBuilder zone(String region, String zone, int servers, int clients) {
        zones.add(new Zone(region, zone, servers, clients));
        return this;
    }

    /** A failure entry in the scenario format, e.g. {@code { at: 5m, crash: leader, for: 30s }}. */
    public ScenarioBuilder failure(String entry) {
        failures.add(entry);
        return this;
    }

    /** Any other top-level section as YAML, e.g. {@code "expect: { writesRecoverWithin: 10s }"}. */
    public ScenarioBuilder section(String yaml) {
        sections.add(yaml);
        return this;
    }

    /** The scenario file this builder stands for. */
    public String yaml() {
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(name).append('\n');
        sb.append("seed: ").append(seed).append('\n');
        sb.append("duration: ").append(duration).append('\n');
        sb.append("topology:\n  regions:\n");
        List<String> regions = zones.stream().map(Zone::region).distinct().toList();
        for (String r : regions) {
            sb.append("    - name: ").append(r).append("\n      datacenters:\n        - name: ").append(r).append("-dc\n          zones:\n");
            for (Zone z : zones) {
                if (z.region.equals(r)) {
                    sb.append("            - { name: ").append(z.name).append(", servers: ").append(z.servers).append(", clients: ")
                            .append(z.clients).append(" }\n");
                }
            }
        }
        for (String s : sections) {
            sb.append(s).append('\n');
        }
        if (!failures.isEmpty()) {
            sb.append("failures:\n");
            failures.forEach(f -> sb.append("  - ").append(f).append('\n'));
        }
        return sb.toString();
    }

    /** The scenario; an {@link io.clustersim.scenarios.yaml.InputError} if it is not valid. */
    public Scenario build() {
        return new ScenarioReader().read(name + ".yaml (built)", yaml());
    }
}
