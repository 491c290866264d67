package io.clustersim.scenarios.schema;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.List;

/**
 * Reads {@code randomFailures:}, a stochastic failure process for long availability runs:
 * <pre>
 *   randomFailures:
 *     of: servers                 # the population (any target; default servers)
 *     scope: zone                 # node | zone | region: what fails at once
 *     timeToFailure: { exponential: { mean: 30d } }
 *     timeToRepair: { lognormal: { median: 1h, p99: 8h } }
 *     maxConcurrent: 1            # at most this many units down at once; 0 for no cap
 * </pre>
 */
final class FailureProcessReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> KEYS = List.of("of", "scope", "timeToFailure", "timeToRepair", "maxConcurrent");
    static final List<String> SCOPES = List.of("node", "zone", "region");

    private FailureProcessReader() {}

    static Fault read(YamlNode node, FaultTargets targets) {
        YamlMap m = YamlMap.of(node, "a failure process such as { of: servers, scope: node, timeToFailure: ..., timeToRepair: ... }")
                .allowOnly(KEYS);
        Target population = m.has("of") ? targets.read(m.require("of", "")) : null;
        if (population == null) {
            targets.requireServers(node, "randomFailures without 'of'");
            population = new Target.Servers(null);
        }
        String scope = m.string("scope", "node, zone or region", "node");
        if (!SCOPES.contains(scope)) {
            throw InputError.at(m.require("scope", ""), "unknown scope '" + scope + "'; expected one of: " + String.join(", ", SCOPES));
        }
        Distribution ttf = DistributionReader.readDuration(m.require("timeToFailure", "a distribution of the time to failure"));
        Distribution ttr = DistributionReader.readDuration(m.require("timeToRepair", "a distribution of the time to repair"));
        int max = (int) m.integer("maxConcurrent", "a cap on units down at once", 0, 0, 1_000_000);
        return new Fault.FailureProcess(Fault.Scope.values()[SCOPES.indexOf(scope)], population, ttf, ttr, max);
    }
}
