package io.clustersim.scenarios.run;

import java.util.Map;

/**
 * What one run produced. Everything here is a pure function of (scenario, seed).
 *
 * @param counters integer metrics by name, in report order
 * @param samples raw observations by metric name, summarised by the reports module
 */
public record RunResult(
        String scenario,
        long seed,
        long simulatedNanos,
        long events,
        String traceHash,
        Map<String, Long> counters,
        Map<String, double[]> samples) {}
