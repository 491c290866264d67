package io.clustersim.raft.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.World;
import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.metrics.RaftMetricNames;
import io.clustersim.raft.metrics.RoleTimeline;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-server role timeline and the leader's commit time, on a real three-AZ cluster. */
class RoleAndCommitTimeTest {
    private static final long S = 1_000_000_000L;

    @Test
    void when_theLeaderCrashesAndRestarts_then_itsTimelineShowsLeaderDownFollowerAndAnotherLeads() {
        World world = new World(3, ClusterScenarioTest.threeAzNetwork(0));
        RoleTimeline roles = new RoleTimeline(world.telemetry(), Labels.NONE, List.of("s1", "s2", "s3"));
        world.trace().addSink(roles);
        RaftClusterHarness cluster = RaftClusterHarness.builder(world).config(RaftConfig.hashicorp()).disk(ClusterScenarioTest.ssd())
                .observer(roles).server("s1", ClusterScenarioTest.AZ1).server("s2", ClusterScenarioTest.AZ2)
                .server("s3", ClusterScenarioTest.AZ3).client("c1", ClusterScenarioTest.AZ1, 20).build();
        cluster.runFor(Duration.ofSeconds(10));
        String first = cluster.leader().orElseThrow();
        Level firstLevel = level(world, first);
        assertThat(firstLevel.valueAt(10 * S - 1)).isEqualTo(RoleTimeline.LEADER);

        cluster.crash(first);
        long crashedAt = world.now();
        cluster.runFor(Duration.ofSeconds(10));
        String second = cluster.leader().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(firstLevel.valueAt(crashedAt)).isEqualTo(RoleTimeline.DOWN);
        assertThat(level(world, second).valueAt(world.now())).isEqualTo(RoleTimeline.LEADER);

        cluster.restart(first);
        cluster.runFor(Duration.ofSeconds(5));
        assertThat(firstLevel.valueAt(world.now())).isEqualTo(RoleTimeline.FOLLOWER);
        // Only while s2 or s3 campaigned was anyone a candidate, and never two leaders at once here.
        for (long t = 0; t < world.now(); t += S / 10) {
            long at = t;
            long leaders = IntStream.rangeClosed(1, 3).filter(i -> level(world, "s" + i).valueAt(at) == RoleTimeline.LEADER).count();
            assertThat(leaders).as("leaders at %d ms", t / 1_000_000).isLessThanOrEqualTo(1);
        }
        assertThat(firstLevel.changeValues()).contains(RoleTimeline.FOLLOWER, RoleTimeline.LEADER, RoleTimeline.DOWN);

        // Commit time: a cross-AZ round trip (about 2 ms) plus the disks' fsyncs (0.5 to 2 ms), per entry.
        double[] sorted = cluster.metrics().commitTimeMs();
        assertThat(sorted).hasSizeGreaterThan(300);
        java.util.Arrays.sort(sorted);
        assertThat(sorted[0]).isPositive();
        assertThat(sorted[sorted.length / 2]).isBetween(1.5, 10.0);
    }

    private static Level level(World world, String server) {
        return world.telemetry().entries(RaftMetricNames.SERVER_ROLE).stream()
                .filter(e -> server.equals(e.labels().get("server"))).findFirst().orElseThrow().level();
    }
}
