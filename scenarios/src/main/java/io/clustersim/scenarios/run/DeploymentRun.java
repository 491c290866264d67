package io.clustersim.scenarios.run;

import io.clustersim.faults.FailureInjector;
import io.clustersim.faults.FaultListener;
import io.clustersim.faults.Fired;
import io.clustersim.faults.TargetResolver;
import io.clustersim.gossip.pool.GossipMetricNames;
import io.clustersim.kernel.World;
import io.clustersim.kernel.telemetry.MetricName;
import io.clustersim.kernel.trace.Trace;
import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.model.deployment.Running;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.raft.check.SafetyViolation;
import io.clustersim.raft.metrics.RaftMetricNames;
import io.clustersim.scenarios.schema.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario's deployment: builds the World, asks the model for the deployment, installs
 * the faults, runs for the duration, and reads the report off the telemetry. A safety violation
 * ends the run at once.
 */
final class DeploymentRun {
    /** The report's metrics, in order: what operators see first, then the protocols'. */
    static final List<MetricName> CATALOGUE;

    static {
        List<MetricName> c = new ArrayList<>(NomadMetrics.ALL);
        // Who led is a timeline (the summary prints it), not a figure to average.
        c.remove(NomadMetrics.LEADER);
        c.addAll(RaftMetricNames.ALL);
        c.addAll(GossipMetricNames.ALL);
        CATALOGUE = List.copyOf(c);
    }

    private DeploymentRun() {}

    /** Long runs are simulated in this many slices, with progress reported after each. */
    private static final int SLICES = 200;

    static RunResult run(Scenario scenario, TraceSink traceSink, ScenarioRunner.Progress progress) {
        Trace trace = new Trace();
        if (traceSink != null) {
            trace.addSink(traceSink);
        }
        World world = new World(scenario.seed(), scenario.network(), trace);
        Running running = scenario.deployment().deploy(world);
        FaultListener listener = running.faultListener();
        FailureInjector injector = new FailureInjector(world, TargetResolver.of(world, running.roles()), running.controls(), listener)
                .operator(running.operator()).roles(running.roles());
        injector.install(scenario.failures());
        try {
            if (progress == null) {
                world.simulation().runUntil(scenario.durationNanos());
            } else {
                // Slicing the run changes nothing in it: events run in the same order either way.
                long end = scenario.durationNanos();
                for (int i = 1; i <= SLICES; i++) {
                    world.simulation().runUntil(end / SLICES * i + (i == SLICES ? end % SLICES : 0));
                    progress.simulated(world.now(), end, world.simulation().eventsProcessed());
                }
            }
        } catch (SafetyViolation v) {
            throw new InvariantViolated(scenario.name(), scenario.seed(), v.invariant(), v.getMessage(), world.now(),
                    trace.tail(), v);
        }
        running.publish();
        long from = scenario.warmupNanos();
        long to = scenario.durationNanos();
        TelemetryReport report = new TelemetryReport(world.telemetry(), CATALOGUE);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        NetworkCounters.put(world, metrics);
        report.putOverall(metrics, from, to);
        Metric.Group regions = report.byRegion(from, to);
        if (!regions.members().isEmpty()) {
            metrics.put("regions", regions);
        }
        Map<String, Metric> windows = new LinkedHashMap<>();
        // One window per fault as it fired (a window or condition trigger resolved to its time).
        for (Fired fired : injector.fired()) {
            windows.put(fired.label(), report.window(fired.atNanos(), Math.min(fired.endNanos(), to), List.of(NomadMetrics.PROBE_LATENCY_MS)));
        }
        if (!windows.isEmpty()) {
            metrics.put("failureWindows", new Metric.Group(windows));
        }
        if (scenario.nomad().capacity().modelled()) {
            // A capacity plan judges the steady state: what was measured after the warm-up (the
            // registration storm of a start queues on every size, and says nothing of its size).
            metrics.put("afterWarmup", report.window(from, to, List.of(RaftMetricNames.COMMIT_TIME_MS, NomadMetrics.PROBE_LATENCY_MS)));
        }
        return new RunResult(scenario.name(), scenario.seed(), world.now(), world.simulation().eventsProcessed(),
                trace.hashHex(), metrics, running.summary(), world.telemetry(), injector.fired());
    }
}
