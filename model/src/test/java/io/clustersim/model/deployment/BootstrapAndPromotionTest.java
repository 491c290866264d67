package io.clustersim.model.deployment;

import static io.clustersim.model.deployment.Deployments.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.raft.check.Invariant;
import io.clustersim.raft.check.SafetyViolation;
import io.clustersim.raft.metrics.RaftMetricNames;
import io.clustersim.raft.observe.RaftView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bootstrap_expect (nomad nomad/serf.go maybeBootstrap) and how a server that arrives later
 * joins: the leader's reconcile adds it as a non-voter and autopilot promotes it once it has
 * been healthy for server_stabilization_time (nomad nomad/leader.go reconcileMember,
 * raft-autopilot StablePromoter).
 */
class BootstrapAndPromotionTest {

    @Test
    void when_theExpectedServersFindEachOther_then_theyBootstrapOneClusterOfAllOfThem() {
        Run run = Deployments.start(11, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults().withBootstrapExpect(3),
                List.of());
        run.until(60);
        for (String s : List.of("server-1", "server-2", "server-3")) {
            RaftView v = run.view(s);
            assertThat(v.configuration().voterCount()).as(s).isEqualTo(3);
            assertThat(v.configuration()).isEqualTo(run.view("server-1").configuration());
        }
        // One cluster: one election (a second bootstrap would have made a second term-1 leader).
        assertThat(run.running().roles().leaders(null)).hasSize(1);
        assertThat(run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 3)).isLessThan(10);
    }

    @Test
    void when_bootstrapExpectIsAboveTheRegionsServers_then_itNeverBootstraps() {
        Run run = Deployments.start(12, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults().withBootstrapExpect(5),
                List.of());
        run.until(300);
        assertThat(run.running().roles().leaders(null)).isEmpty();
        for (String s : List.of("server-1", "server-2", "server-3")) {
            assertThat(run.view(s).configuration().size()).as(s).isZero();
        }
    }

    @Test
    void when_aServerRestartsWithItsDisk_then_itRejoinsItsClusterWithoutBootstrappingAgain() {
        Run run = Deployments.start(13, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults(),
                List.of(at(60, new Fault.Crash(new Target.Node("server-3")), 30)));
        run.until(180);
        assertThat(run.view("server-3").configuration()).isEqualTo(run.view("server-1").configuration());
        assertThat(run.view("server-3").configuration().voterCount()).isEqualTo(3);
        assertThat(run.view("server-3").commitIndex()).isEqualTo(run.view(run.leader()).commitIndex());
    }

    @Test
    void when_aServerArrivesAfterBootstrap_then_itJoinsAsNonVoterAndIsPromotedOnceStable() {
        // server-4 is cut off from the start; the other three meet bootstrap_expect 3 without it.
        // (Had they seen it alive even once, each would have counted it or not depending on when
        // it heard, and bootstrapped different configurations: see the next test.)
        Run run = Deployments.start(14, Deployments.topology(1, 4, 1, 0), NomadServerConfig.defaults().withBootstrapExpect(3),
                List.of(at(0, new Fault.Partition(List.of(List.of("server-4"), List.of("server-1", "server-2", "server-3"))), 60)));
        run.until(180);
        assertThat(run.levelAt(NomadMetrics.RAFT_VOTERS, "r1", 55)).isEqualTo(3);
        double added = run.firstAt(NomadMetrics.RAFT_PEERS, "r1", 4);
        double promoted = run.firstAt(NomadMetrics.RAFT_VOTERS, "r1", 4);
        // It joins on its next retry_join (every 30 s) after the heal; the leader adds it as soon
        // as Serf reports the join.
        assertThat(added).isBetween(60.0, 95.0);
        // Healthy for server_stabilization_time (10 s), judged every 2 s, acted on every 10 s.
        assertThat(promoted - added).isBetween(10.0, 22.0);
        assertThat(run.count(NomadMetrics.AUTOPILOT_PROMOTIONS)).isEqualTo(1);
        assertThat(run.view("server-4").configuration().voterCount()).isEqualTo(4);
    }

    /**
     * Nomad's maybeBootstrap counts the voters Serf shows alive when a join arrives, and a server
     * that cannot be asked for its peers is skipped after six tries (1 to 32 s apart). A server
     * that announces itself and dies at once is counted by some and not by others, and they
     * bootstrap different configurations at index 1 of term 1. The invariant checker reports the
     * split as a Log Matching violation and stops the run.
     */
    @Test
    void when_aServerIsSeenByOnlySomeBeforeItDies_then_bootstrapsDivergeAndTheCheckerStopsTheRun() {
        Run run = Deployments.start(14, Deployments.topology(1, 4, 1, 0), NomadServerConfig.defaults().withBootstrapExpect(3),
                List.of(at(0, new Fault.Crash(new Target.Node("server-4")), 60)));
        assertThatThrownBy(() -> run.until(180)).isInstanceOfSatisfying(SafetyViolation.class,
                v -> assertThat(v.invariant()).isEqualTo(Invariant.LOG_MATCHING))
                .hasMessageContaining("1@1");
    }
}
