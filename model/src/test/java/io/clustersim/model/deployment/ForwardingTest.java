package io.clustersim.model.deployment;

import static io.clustersim.model.deployment.Deployments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.NomadServerConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RPC forwarding (nomad nomad/rpc.go forward, getLeaderForRPC): a follower forwards writes and
 * consistent reads to its leader and answers stale reads itself; while its region has no
 * leader it holds a request for up to RPCHoldTimeout (5 s), then fails it with no leader.
 */
class ForwardingTest {

    @Test
    void when_probesCallFollowers_then_writesAndConsistentReadsAreForwardedAndStaleReadsAreNot() {
        Run run = Deployments.start(41, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults(), List.of());
        run.until(60);
        long before = run.count(NomadMetrics.RPC_FORWARDS);
        run.until(120);
        // Three probes, one per zone, each calling its zone's server: two of them call a follower,
        // which forwards their write and their consistent read, once a second each.
        assertThat(run.count(NomadMetrics.RPC_FORWARDS) - before).isBetween(236L, 244L);
        assertThat(run.count(NomadMetrics.RPC_HOLD_TIMEOUTS)).isZero();
    }

    @Test
    void when_theLeaderIsLost_then_requestsAreHeldThroughTheElectionAndSucceed() {
        Run run = Deployments.start(42, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults(),
                List.of(at(60, new Fault.Crash(new Target.Leader()))));
        run.until(120);
        assertThat(run.count(NomadMetrics.RPC_HOLD_TIMEOUTS)).isZero();
        // Some writes waited out the election (1 to 3 s) at a follower and were answered.
        double slowest = Arrays.stream(run.samples(NomadMetrics.PROBE_LATENCY_MS)).max().orElseThrow();
        assertThat(slowest).isBetween(1000.0, 5000.0);
    }

    @Test
    void when_theRegionHasNoQuorum_then_heldRequestsFailAfterTheHoldTimeoutAndStaleReadsGoOn() {
        Run run = Deployments.start(43, Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults(),
                List.of(at(60, new Fault.Crash(new Target.Node("server-1"))), at(60, new Fault.Crash(new Target.Node("server-2")))));
        run.until(180);
        assertThat(run.count(NomadMetrics.RPC_HOLD_TIMEOUTS)).isGreaterThan(0);
        assertThat(run.timeWeighted(NomadMetrics.WRITE_AVAILABILITY, 70, 180)).isZero();
        assertThat(run.timeWeighted(NomadMetrics.READ_AVAILABILITY_CONSISTENT, 70, 180)).isZero();
        // server-3 still answers stale reads for the probes that reach it; a probe moves on from a
        // server that failed it (as Nomad's clients do on any RPC error, no leader included), so
        // each probe spends part of the time waiting on the dead ones.
        assertThat(run.timeWeighted(NomadMetrics.READ_AVAILABILITY_STALE, 70, 180)).isGreaterThan(0.2);
    }
}
