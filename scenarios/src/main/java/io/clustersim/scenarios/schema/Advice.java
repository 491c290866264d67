package io.clustersim.scenarios.schema;

import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.model.topology.Topology;
import io.clustersim.scenarios.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settings that work but go against Nomad's advice (nomad docs: deploy/clusters requirements and
 * reference architecture; configuration/server.mdx), as warnings printed before the run.
 */
final class Advice {
    private Advice() {}

    static List<String> warnings(Topology topology, NomadServerConfig nomad, YamlMap root) {
        List<String> out = new ArrayList<>();
        Map<String, List<AgentPlacement>> byRegion = new TreeMap<>();
        for (AgentPlacement p : topology.placements()) {
            if (p.role() == Role.SERVER) {
                byRegion.computeIfAbsent(p.placement().region(), r -> new ArrayList<>()).add(p);
            }
        }
        for (Map.Entry<String, List<AgentPlacement>> e : byRegion.entrySet()) {
            String region = e.getKey();
            int n = e.getValue().size();
            if (nomad.bootstrapExpect() > n) {
                out.add("nomad.bootstrapExpect " + nomad.bootstrapExpect() + " is more than region " + region + "'s " + n
                        + " servers: it will never bootstrap, so it never elects a leader");
            }
            if (n == 1) {
                out.add("region " + region + " has one server: it tolerates no failure (Nomad advises 3 or 5)");
            } else if (n % 2 == 0) {
                out.add("region " + region + " has " + n + " servers: an even count tolerates no more failures than "
                        + (n - 1) + " (Nomad advises 3 or 5)");
            } else if (n > 7) {
                out.add("region " + region + " has " + n + " servers: more than 7 slows every commit (Nomad advises 3 or 5)");
            }
            TreeSet<String> zones = new TreeSet<>();
            e.getValue().forEach(p -> zones.add(p.placement().zone()));
            if (n > 1 && zones.size() == 1) {
                out.add("region " + region + " has all its servers in zone " + zones.first()
                        + ": losing that zone loses the region (Nomad spreads servers over zones)");
            }
        }
        return out;
    }
}
