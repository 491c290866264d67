package io.clustersim.model.deployment;

import static io.clustersim.model.deployment.Deployments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.gossip.serf.MemberStatus;
import io.clustersim.kernel.node.StopSignal;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.AutopilotConfig;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.raft.metrics.RaftMetricNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Leaving against failing (nomad nomad/server.go Leave, command/agent/command.go): a leader
 * leaves Raft before Serf, a follower leaves Serf and waits to be removed, a stop without
 * leave_on_terminate is a failure, and force-leave ejects a failed server at once.
 */
class LeaveTest {
    static final NomadServerConfig LEAVING = NomadServerConfig.defaults().withLeave(true, false);

    static NomadServerConfig noCleanup() {
        AutopilotConfig d = AutopilotConfig.defaults();
        return NomadServerConfig.defaults().withAutopilot(new AutopilotConfig(false, d.lastContactThreshold(),
                d.maxTrailingLogs(), d.serverStabilizationTime(), d.minQuorum(), d.serverHealthInterval(), d.interval()));
    }

    @Test
    void when_theLeaderLeaves_then_itLeavesRaftBeforeSerfAndAnotherLeads() {
        Run run = Deployments.start(31, Deployments.topology(1, 3, 1, 0), LEAVING, List.of());
        run.until(60);
        String leader = run.leader();
        String other = leader.equals("server-1") ? "server-2" : "server-1";
        run.world().node(leader).stop(StopSignal.TERMINATE, 90_000_000_000L);
        assertThat(run.until(() -> run.view(other) != null
                && !run.view(other).configuration().contains(run.world().node(leader).id()), 70)).isTrue();
        // Out of Raft while Serf still has it alive: the quorum shrank before anyone saw it go.
        assertThat(run.serfStatus(other, leader, "r1")).isEqualTo(MemberStatus.ALIVE);
        run.until(120);
        assertThat(run.serfStatus(other, leader, "r1")).isIn(MemberStatus.LEAVING, MemberStatus.LEFT);
        assertThat(run.leader()).isNotNull().isNotEqualTo(leader);
        assertThat(run.count(NomadMetrics.SERVER_LEAVES)).isEqualTo(1);
        assertThat(run.count(NomadMetrics.SERVER_FAILURES)).isZero();
        assertThat(run.levelAt(NomadMetrics.RAFT_VOTERS, "r1", 119)).isEqualTo(2);
    }

    @Test
    void when_aFollowerLeaves_then_itLeavesSerfFirstAndTheLeaderRemovesItAtOnce() {
        Run run = Deployments.start(32, Deployments.topology(1, 3, 1, 0), LEAVING,
                List.of(at(60, new Fault.Stop(new Target.Follower(), StopSignal.TERMINATE))));
        run.until(60);
        String leader = run.leader();
        run.until(90);
        assertThat(run.count(NomadMetrics.SERVER_LEAVES)).isEqualTo(1);
        // Serf's leave intent reaches the leader within a gossip round or two; its reconcile removes it.
        double removed = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 2);
        assertThat(removed - 60).isBetween(0.0, 3.0);
        assertThat(run.leader()).isEqualTo(leader);
        assertThat(run.count(RaftMetricNames.LEADER_CHANGES)).isZero();
    }

    @Test
    void when_aServerStopsWithoutLeaving_then_itIsAFailureAndStaysAVoterUntilAutopilotRemovesIt() {
        Run run = Deployments.start(33, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults(),
                List.of(at(60, new Fault.Stop(new Target.Follower(), StopSignal.TERMINATE))));
        run.until(240);
        assertThat(run.count(NomadMetrics.SERVER_LEAVES)).isZero();
        assertThat(run.count(NomadMetrics.SERVER_FAILURES)).isEqualTo(1);
        double removed = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 2);
        // Serf must declare it failed first (WAN profile: well over 10 s), then autopilot acts.
        assertThat(removed - 60).isGreaterThan(10);
        assertThat(run.count(NomadMetrics.AUTOPILOT_REMOVALS)).isEqualTo(1);
    }

    @Test
    void when_aFailedServerIsForceLeft_then_theLeaderRemovesItThoughCleanupIsOff() {
        Run run = Deployments.start(34, Deployments.topology(1, 3, 1, 0), noCleanup(),
                List.of(at(60, new Fault.Crash(new Target.Node("server-3"))), at(150, new Fault.ForceLeave("server-3"))));
        run.until(149);
        assertThat(run.levelAt(NomadMetrics.RAFT_VOTERS, "r1", 149)).isEqualTo(3);
        run.until(200);
        double removed = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 2);
        assertThat(removed - 150).isBetween(0.0, 3.0);
        assertThat(run.count(NomadMetrics.AUTOPILOT_REMOVALS)).isZero();
    }
}
