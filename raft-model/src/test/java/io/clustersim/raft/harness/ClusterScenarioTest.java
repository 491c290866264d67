package io.clustersim.raft.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.World;
import io.clustersim.kernel.disk.DiskConfig;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.network.LinkProfile;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.observe.RaftObserver;
import io.clustersim.raft.observe.RaftView;
import io.clustersim.kernel.node.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cluster-level behaviour on the kernel, through {@link RaftClusterHarness}. */
class ClusterScenarioTest {
    static final Placement AZ1 = new Placement("global", "dc1", "az1");
    static final Placement AZ2 = new Placement("global", "dc1", "az2");
    static final Placement AZ3 = new Placement("global", "dc1", "az3");
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    /** Same-AZ links ~0.2ms, cross-AZ ~1ms, cross-region 30ms; optionally a bandwidth limit. */
    static NetworkConfig threeAzNetwork(double bandwidthBytesPerSecond) {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        m.put(LinkClass.SAME_ZONE, new LinkProfile(new Distribution.Uniform(0.1 * MS, 0.3 * MS), bandwidthBytesPerSecond));
        m.put(LinkClass.CROSS_ZONE, new LinkProfile(new Distribution.Uniform(0.8 * MS, 1.2 * MS), bandwidthBytesPerSecond));
        m.put(LinkClass.CROSS_REGION, new LinkProfile(new Distribution.Uniform(25 * MS, 35 * MS), bandwidthBytesPerSecond));
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    static DiskConfig ssd() {
        return new DiskConfig(new Distribution.Uniform(0.5 * MS, 2 * MS), 0);
    }

    static RaftClusterHarness threeAzCluster(long seed, RaftConfig config, RaftObserver observer) {
        World world = new World(seed, threeAzNetwork(0));
        return RaftClusterHarness.builder(world).config(config).disk(ssd()).observer(observer)
                .server("s1", AZ1).server("s2", AZ2).server("s3", AZ3).client("c1", AZ1, 20).build();
    }

    /** Records when leaders were elected. */
    static final class Elections implements RaftObserver {
        final List<long[]> elected = new ArrayList<>(); // {time, term}
        World world;

        @Override
        public void leaderElected(NodeId node, long term, RaftView view) {
            elected.add(new long[] {world.now(), term});
        }
    }

    @Test
    void when_leaderCrashesIn3AzCluster_then_newLeaderIsElectedWithinHashicorpDetectionBounds() {
        // hashicorp/raft raft.go runFollower: detection takes [HT, 3HT) after the last contact (a heartbeat at most HT/5
        // before the crash); pre-vote and vote then take a few cross-AZ round trips.
        long ht = S;
        List<Double> recoveries = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            Elections e = new Elections();
            RaftClusterHarness h = threeAzCluster(seed, RaftConfig.hashicorp(), e);
            e.world = h.world();
            h.runFor(Duration.ofSeconds(10));
            assertThat(h.leader()).isPresent();
            long crashAt = h.world().now();
            String old = h.crashLeader().orElseThrow();
            h.runFor(Duration.ofSeconds(10));
            long[] next = e.elected.get(e.elected.size() - 1);
            long took = next[0] - crashAt;
            assertThat(h.leader()).isPresent().get().isNotEqualTo(old);
            assertThat(took).as("seed %d", seed).isBetween(ht - ht / 5, 3 * ht + 50 * MS);
            assertThat(h.metrics().timeToRecoverSeconds()).hasSize(1);
            double recovery = h.metrics().timeToRecoverSeconds().get(0);
            assertThat(recovery * S).isBetween((double) took, took + 100.0 * MS);
            recoveries.add(recovery);
            assertThat(h.metrics().invariantViolations()).isZero();
        }
        assertThat(recoveries.stream().mapToDouble(d -> d).average().orElseThrow()).isBetween(1.0, 3.0);
    }

    @Test
    void when_followerCrashes_then_leadershipDoesNotChangeAndWritesContinue() {
        RaftClusterHarness h = threeAzCluster(7, RaftConfig.hashicorp(), RaftObserver.NONE);
        h.runFor(Duration.ofSeconds(10));
        String leader = h.leader().orElseThrow();
        long changes = h.metrics().leaderChanges();
        String follower = h.serverNames().stream().filter(s -> !s.equals(leader)).findFirst().orElseThrow();
        h.crash(follower);
        long okBefore = h.metrics().writesOk();
        h.runFor(Duration.ofSeconds(30));
        assertThat(h.leader()).contains(leader);
        assertThat(h.metrics().leaderChanges()).isEqualTo(changes);
        assertThat(h.metrics().writesOk() - okBefore).isGreaterThan(400);
        h.restart(follower);
        h.runFor(Duration.ofSeconds(5));
        assertThat(h.view(follower).lastApplied()).isGreaterThanOrEqualTo(h.view(leader).commitIndex() - 5);
        assertThat(h.leader()).contains(leader);
    }

    @Test
    void when_raftMultiplierIsFive_then_failoverTakesFiveTimesLonger() {
        // Nomad raft_multiplier scales HT, ET, lease and commit timeout (hashicorp/raft config.go DefaultConfig; nomad command/agent/agent.go).
        Elections e = new Elections();
        RaftClusterHarness h = threeAzCluster(3, RaftConfig.of(TimingProfile.Hashicorp.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(2500), Duration.ofMillis(250), true)), e);
        e.world = h.world();
        h.runFor(Duration.ofSeconds(30));
        long crashAt = h.world().now();
        h.crashLeader().orElseThrow();
        h.runFor(Duration.ofSeconds(40));
        long took = e.elected.get(e.elected.size() - 1)[0] - crashAt;
        assertThat(took).isBetween(4 * S, 15 * S + 50 * MS);
    }

    @Test
    void when_serverJoinsLargerState_then_catchingUpTakesLongerOverALimitedLink() {
        // Section 7: a new server gets the state as a snapshot whose transfer time follows its size.
        double[] seconds = new double[2];
        long[] sizes = {1_000_000L, 200_000_000L};
        for (int k = 0; k < 2; k++) {
            World world = new World(11, threeAzNetwork(100_000_000)); // 100 MB/s links
            // Enough trailing logs that the leader does not compact past the snapshot while it is in
            // flight (with too few, a slow follower needs snapshot after snapshot).
            RaftConfig cfg = RaftConfig.hashicorp().withSnapshotThreshold(100).withTrailingLogs(1000)
                    .withSnapshotInterval(Duration.ZERO);
            RaftClusterHarness h = RaftClusterHarness.builder(world).config(cfg).disk(ssd()).stateBaseBytes(sizes[k])
                    .server("s1", AZ1).server("s2", AZ2).server("s3", AZ3).client("c1", AZ1, 50).build();
            h.runFor(Duration.ofSeconds(30));
            assertThat(h.view(h.leader().orElseThrow()).snapshotIndex()).isPositive();
            long joinAt = world.now();
            assertThat(h.addServer("s4", AZ3, false)).isEqualTo(ChangeResult.ACCEPTED);
            long target = h.view(h.leader().orElseThrow()).commitIndex();
            boolean caughtUp = world.simulation().runUntil(() -> h.view("s4").lastApplied() >= target,
                    world.now() + 60 * S);
            assertThat(caughtUp).isTrue();
            seconds[k] = (world.now() - joinAt) / 1e9;
        }
        // 200 MB at 100 MB/s is about 2s; 1 MB is about 10ms.
        assertThat(seconds[1]).isGreaterThan(seconds[0] + 1.5);
        assertThat(seconds[1]).isBetween(2.0, 2.5);
        assertThat(seconds[0]).isLessThan(0.1);
    }

    @Test
    void when_leadershipIsTransferred_then_theTargetLeadsWithinAnElectionTimeout() {
        RaftClusterHarness h = threeAzCluster(5, RaftConfig.hashicorp(), RaftObserver.NONE);
        h.runFor(Duration.ofSeconds(10));
        String leader = h.leader().orElseThrow();
        String target = h.serverNames().stream().filter(s -> !s.equals(leader)).findFirst().orElseThrow();
        assertThat(h.server(leader).transferLeadership(h.server(target).id())).isEqualTo(ChangeResult.ACCEPTED);
        h.runFor(Duration.ofMillis(100));
        assertThat(h.leader()).contains(target);
        h.runFor(Duration.ofSeconds(10));
        assertThat(h.leader()).contains(target);
    }

    @Test
    void when_nonVoterIsPromoted_then_itVotesAndTheClusterSurvivesLosingAnOriginalVoter() {
        RaftClusterHarness h = threeAzCluster(9, RaftConfig.hashicorp(), RaftObserver.NONE);
        h.runFor(Duration.ofSeconds(10));
        assertThat(h.addServer("s4", AZ1, false)).isEqualTo(ChangeResult.ACCEPTED);
        h.runFor(Duration.ofSeconds(2));
        assertThat(h.view("s4").isVoter()).isFalse();
        assertThat(h.server(h.leader().orElseThrow()).addVoter(h.server("s4").id())).isEqualTo(ChangeResult.ACCEPTED);
        h.runFor(Duration.ofSeconds(2));
        assertThat(h.view("s4").isVoter()).isTrue();
        assertThat(h.view("s4").configuration().voterCount()).isEqualTo(4);
        h.crashLeader();
        h.runFor(Duration.ofSeconds(10));
        assertThat(h.leader()).isPresent();
        assertThat(h.metrics().invariantViolations()).isZero();
    }

    @Test
    void when_followersForwardWrites_then_clientsNeedNoRedirects() {
        // Nomad forwards RPCs to the leader; with FORWARD routing every write succeeds first time.
        List<io.clustersim.raft.client.ClientOutcome> outcomes = new ArrayList<>();
        World world = new World(13, threeAzNetwork(0));
        RaftClusterHarness h = RaftClusterHarness.builder(world)
                .config(RaftConfig.hashicorp().withClientRouting(io.clustersim.raft.config.ClientRouting.FORWARD))
                .disk(ssd()).server("s1", AZ1).server("s2", AZ2).server("s3", AZ3)
                .client("c1", AZ1, 20, outcomes::add).build();
        h.runFor(Duration.ofSeconds(5)); // the first election
        outcomes.clear();
        String follower = h.serverNames().stream().filter(s -> !s.equals(h.leader().orElseThrow())).findFirst().orElseThrow();
        for (int i = 0; i < 5; i++) {
            // Aim at a follower: the client's leader cache is forgotten by sending through a fresh client.
            h.server(follower).handle(h.world().node("c1").id(),
                    new io.clustersim.raft.message.ClientWrite(new io.clustersim.raft.log.RequestId("manual", i),
                            new io.clustersim.raft.log.Command("m" + i, "v", 10)));
        }
        h.runFor(Duration.ofSeconds(5));
        assertThat(outcomes).isNotEmpty().allSatisfy(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.attempts()).isEqualTo(1);
        });
        assertThat(h.checker().acknowledgedWrites()).isGreaterThanOrEqualTo(outcomes.size() + 5);
    }

    @Test
    void when_leaderCrashesUnderEtcdOrPaperTiming_then_failoverFollowsThatProfile() {
        // etcd: a campaign after 10 to 20 ticks of 100ms; a pre-vote sent exactly at tick 10 can
        // find a peer still inside its CheckQuorum lease (elapsed < electionTick), so allow a
        // second randomised timeout. Paper: 150 to 300ms plus a round of votes.
        RaftConfig[] configs = {RaftConfig.etcd(), RaftConfig.paper()};
        long[][] bounds = {{900 * MS, 4100 * MS}, {100 * MS, 350 * MS}};
        for (int k = 0; k < 2; k++) {
            for (long seed = 1; seed <= 5; seed++) {
                Elections e = new Elections();
                RaftClusterHarness h = threeAzCluster(seed, configs[k], e);
                e.world = h.world();
                h.runFor(Duration.ofSeconds(5));
                long crashAt = h.world().now();
                h.crashLeader().orElseThrow();
                h.runFor(Duration.ofSeconds(5));
                long took = e.elected.get(e.elected.size() - 1)[0] - crashAt;
                assertThat(took).as("%s seed %d", configs[k].timing(), seed).isBetween(bounds[k][0], bounds[k][1]);
            }
        }
    }

    @Test
    void when_runIsRepeatedWithTheSameSeed_then_itIsIdenticalEventForEvent() {
        long[] hashes = new long[2];
        for (int k = 0; k < 2; k++) {
            RaftClusterHarness h = threeAzCluster(42, RaftConfig.hashicorp(), RaftObserver.NONE);
            h.runFor(Duration.ofSeconds(5));
            h.crashLeader();
            h.runFor(Duration.ofSeconds(5));
            hashes[k] = h.world().trace().hash();
        }
        assertThat(hashes[0]).isEqualTo(hashes[1]);
    }
}
