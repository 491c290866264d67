package io.clustersim.reports.stats;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.model.topology.AgentPlacement;
import io.clustersim.model.topology.Role;
import io.clustersim.scenarios.schema.Scenario;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * The analytic cross-check beside a measured availability: the steady-state availability of the
 * same quorum system, a region being writable while at least a majority (k of n) of its servers
 * is up, each server up with probability MTTF / (MTTF + MTTR) from the scenario's failure
 * processes (a zone's process counts for the servers in the zone), independently. It leaves out
 * what the simulation measures and a formula cannot: elections, timeouts, autopilot removals, the
 * cap on concurrent failures. A measured interval that misses it is a finding, not an error.
 */
public final class QuorumAvailability {
    private QuorumAvailability() {}

    /** The chance that at least {@code k} of {@code n} independent parts, each up with {@code a}, are up. */
    public static double atLeast(int k, int n, double a) {
        return BinomialDistribution.of(n, a).survivalProbability(k - 1);
    }

    /**
     * The analytic write availability of the scenario's regions (their mean), when its only
     * failures are failure processes of servers by node or by zone; empty otherwise.
     */
    public static Optional<Double> of(Scenario s) {
        Map<String, Double> up = new TreeMap<>();
        Map<String, String> zoneOf = new TreeMap<>();
        Map<String, String> regionOf = new TreeMap<>();
        for (AgentPlacement p : s.topology().placements()) {
            if (p.role() == Role.SERVER) {
                up.put(p.name(), 1.0);
                zoneOf.put(p.name(), p.placement().zone());
                regionOf.put(p.name(), p.placement().region());
            }
        }
        if (up.isEmpty() || s.failures().isEmpty()) {
            return Optional.empty();
        }
        for (ScheduledFault f : s.failures()) {
            if (!(f.fault() instanceof Fault.FailureProcess p) || !(p.population() instanceof Target.Servers servers)
                    || p.scope() == Fault.Scope.REGION) {
                return Optional.empty();
            }
            double mttf = p.timeToFailure().mean();
            double a = mttf / (mttf + p.timeToRepair().mean());
            for (String server : up.keySet()) {
                if (servers.region() == null || servers.region().equals(regionOf.get(server))) {
                    // Node scope: each server its own unit. Zone scope: the zone's unit, one server per zone here or not.
                    up.put(server, up.get(server) * a);
                }
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Double> mean = new TreeMap<>();
        for (Map.Entry<String, Double> e : up.entrySet()) {
            String region = regionOf.get(e.getKey());
            counts.computeIfAbsent(region, r -> new int[1])[0]++;
            mean.merge(region, e.getValue(), Double::sum);
        }
        double total = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int n = e.getValue()[0];
            total += atLeast(n / 2 + 1, n, mean.get(e.getKey()) / n);
        }
        return Optional.of(total / counts.size());
    }
}
