package io.clustersim.model.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.World;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.model.server.ServerAgent;
import io.clustersim.raft.core.RaftServer;
import io.clustersim.raft.observe.RaftView;
import java.util.List;
import org.junit.jupiter.api.Test;

class NomadDeploymentTest {
    static final long S = Deployments.S;

    static RaftView view(World w, String server) {
        RaftServer r = ((ServerAgent) w.node(server).process()).raftServer();
        return r == null ? null : r.view();
    }

    static double availability(Telemetry t, io.clustersim.kernel.telemetry.MetricName m, long from, long to) {
        double weighted = 0;
        long known = 0;
        for (Telemetry.Entry e : t.entries(m)) {
            long k = e.timeWeighted().knownNanos(from, to);
            double mean = e.timeWeighted().meanOver(from, to);
            if (k > 0) {
                weighted += mean * k;
                known += k;
            }
        }
        return known == 0 ? Double.NaN : weighted / known;
    }

    @Test
    void when_aRegionStarts_then_itsServersBootstrapElectALeaderAndServeProbes() {
        World w = Deployments.world(1);
        Running r = Deployments.nomad(Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults()).deploy(w);
        w.simulation().runUntil(60 * S);
        assertThat(r.roles().leaders(null)).hasSize(1);
        for (String s : List.of("server-1", "server-2", "server-3")) {
            assertThat(view(w, s).configuration().voterCount()).as(s).isEqualTo(3);
        }
        Telemetry t = w.telemetry();
        assertThat(availability(t, NomadMetrics.WRITE_AVAILABILITY, 20 * S, 60 * S)).isEqualTo(1.0);
        assertThat(availability(t, NomadMetrics.READ_AVAILABILITY_CONSISTENT, 20 * S, 60 * S)).isEqualTo(1.0);
        assertThat(availability(t, NomadMetrics.READ_AVAILABILITY_STALE, 20 * S, 60 * S)).isEqualTo(1.0);
        assertThat(t.entries(NomadMetrics.WRITE_AVAILABILITY)).extracting(Telemetry.Entry::labels)
                .contains(Labels.of("region", "r1", "zone", "r1-z1"));
    }

    @Test
    void when_theLeaderCrashes_then_aNewOneIsElectedAndWritesComeBack() {
        World w = Deployments.world(2);
        Running r = Deployments.nomad(Deployments.topology(1, 3, 1, 0), NomadServerConfig.defaults()).deploy(w);
        w.simulation().runUntil(60 * S);
        String old = r.roles().leaders(null).get(0).name();
        w.node(old).crash();
        w.simulation().runUntil(120 * S);
        assertThat(r.roles().leaders(null)).hasSize(1).first().extracting(n -> n.name()).isNotEqualTo(old);
        Telemetry t = w.telemetry();
        // Probes whose server died give up on it only after their 5 s timeout, and may try another
        // dead one first (they rotate through the region's servers, as Nomad's clients do).
        assertThat(availability(t, NomadMetrics.WRITE_AVAILABILITY, 80 * S, 120 * S)).isEqualTo(1.0);
        double during = availability(t, NomadMetrics.WRITE_AVAILABILITY, 60 * S, 70 * S);
        assertThat(during).isBetween(0.05, 0.95);
        // Stale reads are served by any server: the survivors keep answering.
        assertThat(availability(t, NomadMetrics.READ_AVAILABILITY_STALE, 60 * S, 70 * S)).isGreaterThan(during);
    }
}
