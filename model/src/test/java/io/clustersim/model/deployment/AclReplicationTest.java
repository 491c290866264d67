package io.clustersim.model.deployment;

import static io.clustersim.model.deployment.Deployments.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.Target;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.model.deployment.Deployments.Run;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.probe.ProbeConfig;
import io.clustersim.model.probe.ProbeKind;
import io.clustersim.model.server.NomadServerConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ACL policy replication from the authoritative region (nomad nomad/leader.go
 * replicateACLPolicies): blocking queries rate-limited to 10 a second, a 30 s back-off after an
 * error, writes of replicated objects forwarded to the authoritative region.
 */
class AclReplicationTest {
    static final ProbeConfig WITH_ACL_WRITES = new ProbeConfig(Duration.ofSeconds(1), Duration.ofSeconds(5),
            EnumSet.of(ProbeKind.WRITE, ProbeKind.STALE_READ, ProbeKind.ACL_WRITE));
    static final NomadServerConfig FEDERATED = NomadServerConfig.defaults().withAuthoritativeRegion("r1");

    @Test
    void when_bothRegionsAreUp_then_policiesReachTheReplicaWithinARoundTrip() {
        Run run = Deployments.start(51, Deployments.topology(2, 3, 1, 0), FEDERATED, WITH_ACL_WRITES, List.of());
        run.until(180);
        double[] lag = run.samples(NomadMetrics.REPLICATION_LAG_SECONDS);
        assertThat(lag).hasSizeGreaterThan(100);
        // Once both leaders are settled (the first few policies wait for that), the blocking query
        // returns on the change: one cross-region hop (70 ms) plus a local commit.
        assertThat(Arrays.stream(lag).skip(10).max().orElseThrow()).isLessThan(1.0);
        assertThat(run.timeWeighted(NomadMetrics.ACL_WRITE_AVAILABILITY, 30, 180)).isEqualTo(1.0);
    }

    @Test
    void when_noPolicyChanges_then_theReplicaAsksAboutOnceInEachBlockingWait() {
        Run run = Deployments.start(53, Deployments.topology(2, 3, 1, 0), FEDERATED, ProbeConfig.defaults(), List.of());
        long[] queries = {0};
        // Without ACL writes the only requests from r2's servers to r1's are the replication queries.
        run.world().trace().addSink(EnumSet.of(TraceKind.SEND), (time, kind, source, destination, type, detail) -> {
            if (time > 60 * Deployments.S && "RpcRequest".equals(type) && source != null && destination != null
                    && "r2".equals(run.world().node(source).placement().region())
                    && "r1".equals(run.world().node(destination).placement().region())) {
                queries[0]++;
            }
        });
        run.until(660);
        // The first query (from index 0) is answered at once with index 1, never 0; each one after
        // it waits out its 5 minutes and up to 18.75 s of jitter: two or three in ten minutes.
        assertThat(queries[0]).isBetween(1L, 3L);
    }

    @Test
    void when_theAuthoritativeRegionIsDown_then_aclWritesFailEverywhereAndReplicationResumesWithinItsBackoff() {
        Run run = Deployments.start(52, Deployments.topology(2, 3, 1, 0), FEDERATED, WITH_ACL_WRITES,
                List.of(at(60, new Fault.Crash(new Target.Region("r1")), 60)));
        run.until(300);
        assertThat(run.timeWeighted(NomadMetrics.ACL_WRITE_AVAILABILITY, 65, 120)).isZero();
        // The replica region's own job writes do not depend on r1.
        assertThat(run.world().telemetry().entries(NomadMetrics.WRITE_AVAILABILITY).stream()
                .filter(e -> "r2".equals(e.labels().get("region")))
                .mapToDouble(e -> e.timeWeighted().meanOver(65 * Deployments.S, 120 * Deployments.S)).min().orElseThrow())
                .isEqualTo(1.0);
        // After r1 is back its first policies wait out the replica's back-off (30 s at most).
        double worst = Arrays.stream(run.samples(NomadMetrics.REPLICATION_LAG_SECONDS)).max().orElseThrow();
        assertThat(worst).isBetween(1.0, 31.0);
        assertThat(run.timeWeighted(NomadMetrics.ACL_WRITE_AVAILABILITY, 180, 300)).isEqualTo(1.0);
    }
}
