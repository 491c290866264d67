package io.clustersim.scenarios.api;

import io.clustersim.scenarios.check.ExpectationCheck;
import io.clustersim.scenarios.run.Metric;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.schema.Expectations;
import io.clustersim.scenarios.schema.Scenario;
import java.time.Duration;
import java.util.List;

/** One run's results, typed: the figures a property usually asserts, and the rest by name. */
public final class Results {
    private final Scenario scenario;
    private final RunResult result;

    Results(Scenario scenario, RunResult result) {
        this.scenario = scenario;
        this.result = result;
    }

    public long seed() {
        return result.seed();
    }

    /** The run's fingerprint: equal for equal (scenario, seed). */
    public String traceHash() {
        return result.traceHash();
    }

    public double writeAvailability() {
        return result.value("writeAvailability");
    }

    public double consistentReadAvailability() {
        return result.value("readAvailabilityConsistent");
    }

    public long leaderChanges() {
        return result.count("leaderChanges");
    }

    public long committedWritesLost() {
        return result.count("committedWritesLost");
    }

    public long nodesFalselyMarkedDown() {
        return result.count("nodesFalselyMarkedDown");
    }

    public long allocationsLost() {
        return result.count("allocationsLost");
    }

    /** Leader crash (or loss) until the first commit of its successor, each time, in seconds. */
    public double[] timeToRecoverSeconds() {
        return result.metrics().get("timeToRecoverSeconds") instanceof Metric.Samples s ? s.values() : new double[0];
    }

    /**
     * Whether, after each fault started and after it ended, every probe that could reach the
     * cluster wrote successfully again within {@code bound} (as {@code expect: writesRecoverWithin}).
     */
    public boolean writesRecoveredWithin(Duration bound) {
        return brokenExpectations(new Expectations(bound.toNanos(), false, -1, 0, 0)).isEmpty();
    }

    /** What of {@code expectations} this run broke, one line each (empty: it kept them all). */
    public List<String> brokenExpectations(Expectations expectations) {
        return ExpectationCheck.broken(scenario.withExpectations(expectations), result);
    }

    /** Any metric by its report name (e.g. {@code probeLatencyMs}), or null. */
    public Metric metric(String name) {
        return result.metrics().get(name);
    }

    /** The underlying result, with the telemetry for time series. */
    public RunResult raw() {
        return result;
    }
}
