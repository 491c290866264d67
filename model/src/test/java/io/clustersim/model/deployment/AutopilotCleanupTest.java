package io.clustersim.model.deployment;

import static io.clustersim.model.deployment.Deployments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.AutopilotConfig;
import io.clustersim.model.server.NomadServerConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dead-server cleanup (raft-autopilot reconcile.go pruneDeadServers, as Nomad 2.0 runs it): at
 * most floor((voters-1)/2) voters per pass, never below min_quorum, only with cleanup on, and
 * not before Serf has declared the server failed.
 */
class AutopilotCleanupTest {

    static NomadServerConfig withAutopilot(boolean cleanup, int minQuorum) {
        AutopilotConfig d = AutopilotConfig.defaults();
        return NomadServerConfig.defaults().withAutopilot(new AutopilotConfig(cleanup, d.lastContactThreshold(),
                d.maxTrailingLogs(), d.serverStabilizationTime(), minQuorum, d.serverHealthInterval(), d.interval()));
    }

    static double[] voterSteps(Run run) {
        return run.world().telemetry().level(NomadMetrics.RAFT_VOTERS, Labels.of("region", "r1"), 0).changeValues();
    }

    @Test
    void when_twoOfFiveVotersCrashTogether_then_onePassRemovesBoth() {
        Run run = Deployments.start(21, Deployments.topology(1, 5, 1, 0), withAutopilot(true, 0),
                List.of(at(60, new Fault.Crash(new Target.Node("server-4"))), at(60, new Fault.Crash(new Target.Node("server-5")))));
        run.until(240);
        assertThat(run.count(NomadMetrics.AUTOPILOT_REMOVALS)).isEqualTo(2);
        // floor((5-1)/2) = 2: both in the same pass, the second change committed right after the
        // first (Raft changes one server at a time), not a 10 s pass later.
        assertThat(voterSteps(run)).containsSubsequence(5.0, 4.0, 3.0);
        double four = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 4);
        double three = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 3);
        assertThat(three - four).isBetween(0.0, 1.0);
    }

    @Test
    void when_pruningWouldGoBelowMinQuorum_then_itStopsThere() {
        Run run = Deployments.start(22, Deployments.topology(1, 5, 1, 0), withAutopilot(true, 4),
                List.of(at(60, new Fault.Crash(new Target.Node("server-4"))), at(60, new Fault.Crash(new Target.Node("server-5")))));
        run.until(300);
        assertThat(run.count(NomadMetrics.AUTOPILOT_REMOVALS)).isEqualTo(1);
        assertThat(run.levelAt(NomadMetrics.RAFT_VOTERS, "r1", 299)).isEqualTo(4);
    }

    @Test
    void when_cleanupIsOff_then_aFailedVoterStaysAVoter() {
        Run run = Deployments.start(23, Deployments.topology(1, 3, 1, 0), withAutopilot(false, 0),
                List.of(at(60, new Fault.Crash(new Target.Follower()))));
        run.until(400);
        assertThat(run.count(NomadMetrics.AUTOPILOT_REMOVALS)).isZero();
        assertThat(run.levelAt(NomadMetrics.RAFT_VOTERS, "r1", 399)).isEqualTo(3);
    }

    @Test
    void when_aVoterCrashes_then_itIsRemovedWithinOneAutopilotIntervalOfSerfDeclaringItFailed() {
        Run run = Deployments.start(24, Deployments.topology(1, 3, 1, 0), withAutopilot(true, 0),
                List.of(at(60, new Fault.Crash(new Target.Node("server-3")))));
        run.until(60);
        String observer = "server-1";
        assertThat(run.until(() -> run.serfStatus(observer, "server-3", "r1") == MemberStatus.FAILED, 200)).isTrue();
        double failedAt = run.seconds();
        run.until(240);
        double removedAt = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 2);
        assertThat(removedAt - failedAt).isBetween(0.0, 10.5);
        // It stays a voter while Serf still suspects it (WAN profile: tens of seconds).
        assertThat(failedAt - 60).isGreaterThan(5);
        assertThat(Arrays.stream(voterSteps(run)).filter(v -> v == 2).count()).isEqualTo(1);
    }

    @Test
    void autopilotsDefaultsAreNomads() {
        AutopilotConfig d = AutopilotConfig.defaults();
        assertThat(d.cleanupDeadServers()).isTrue();
        assertThat(d.lastContactThreshold()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.maxTrailingLogs()).isEqualTo(250);
        assertThat(d.serverStabilizationTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.minQuorum()).isZero();
        assertThat(d.serverHealthInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.interval()).isEqualTo(Duration.ofSeconds(10));
    }
}
