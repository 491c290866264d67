package io.clustersim.scenarios.run;

import io.clustersim.kernel.trace.TraceSink;
import io.clustersim.scenarios.schema.Scenario;

/** Runs one scenario with its seed. */
public final class ScenarioRunner {
    /** Told now and then how far a long run has come, in simulated time and events. */
    @FunctionalInterface
    public interface Progress {
        void simulated(long nowNanos, long endNanos, long events);
    }

    /**
     * A rough estimate of a run's events, from the shape of the deployment: each server's Raft
     * heartbeats and gossip (about 45 events a second), each client's heartbeats (about 0.3), each
     * probe call (about 7 events). Good to a factor of two; enough to warn before a long run.
     */
    public static long estimatedEvents(Scenario s) {
        double seconds = s.durationNanos() / 1e9;
        double probesPerSecond = s.topology().totalServers() == 0 ? 0
                : zones(s) * s.probes().kinds().size() / (s.probes().interval().toNanos() / 1e9);
        double perSecond = 45.0 * (s.topology().totalServers() + s.topology().totalSerfMembers()) + 0.3 * s.topology().totalClients()
                + 7 * probesPerSecond;
        return Math.round(seconds * perSecond);
    }

    private static long zones(Scenario s) {
        return s.topology().regions().stream().flatMap(r -> r.datacenters().stream()).mapToLong(d -> d.zones().size()).sum();
    }

    /**
     * Runs {@code scenario}; {@code traceSink} (may be null) receives every trace event.
     *
     * @throws InvariantViolated if a safety invariant broke
     */
    public RunResult run(Scenario scenario, TraceSink traceSink) {
        return DeploymentRun.run(scenario, traceSink, null);
    }

    /** As {@link #run(Scenario, TraceSink)}, telling {@code progress} how far it has come. */
    public RunResult run(Scenario scenario, TraceSink traceSink, Progress progress) {
        return DeploymentRun.run(scenario, traceSink, progress);
    }
}
