package io.clustersim.scenarios.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run produced. Everything here is a pure function of (scenario, seed).
 *
 * @param metrics metrics by name, in report order
 */
public record RunResult(
        String scenario,
        long seed,
        long simulatedNanos,
        long events,
        String traceHash,
        Map<String, Metric> metrics) {

    public RunResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
