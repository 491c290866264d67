package io.clustersim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.telemetry.Labels;
import io.clustersim.kernel.telemetry.Level;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example library behaves as its opening comments promise. */
class ExampleScenariosTest {
    static final long S = 1_000_000_000L;

    static RunResult run(String name) {
        Scenario s = new ScenarioReader().read(Path.of("examples", name + ".yaml"));
        return new ScenarioRunner().run(s, null);
    }

    static long count(RunResult r, String metric) {
        return ((Metric.Count) r.metrics().get(metric)).value();
    }

    static double value(RunResult r, String metric) {
        return ((Metric.Value) r.metrics().get(metric)).value();
    }

    static double[] samples(RunResult r, String metric) {
        return ((Metric.Samples) r.metrics().get(metric)).values();
    }

    static Map<String, Metric> window(RunResult r, String key) {
        return ((Metric.Group) ((Metric.Group) r.metrics().get("failureWindows")).members().get(key)).members();
    }

    static double inWindow(RunResult r, String window, String metric) {
        return ((Metric.Value) window(r, window).get(metric)).value();
    }

    static Map<String, Metric> region(RunResult r, String name) {
        return ((Metric.Group) ((Metric.Group) r.metrics().get("regions")).members().get(name)).members();
    }

    /** The region's Raft peer count (as its leader sees it) at {@code seconds}. */
    static double peersAt(RunResult r, String region, long seconds) {
        Level l = r.telemetry().level(NomadMetrics.RAFT_VOTERS, Labels.of("region", region), 0);
        return l.meanOver(seconds * S, seconds * S + 1);
    }

    @Test
    void when_referenceArchitectureRuns_then_oneLeaderServesEveryZonesProbes() {
        RunResult r = run("reference-architecture");
        assertThat(count(r, "leaderChanges")).isZero();
        assertThat(count(r, "elections")).isEqualTo(1);
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.998);
        assertThat(value(r, "readAvailabilityConsistent")).isGreaterThan(0.998);
        assertThat(value(r, "readAvailabilityStale")).isGreaterThan(0.998);
        assertThat(peersAt(r, "us-east", 300)).isEqualTo(3);
        assertThat(count(r, "invariantViolations")).isZero();
        assertThat(r.summary()).singleElement().asString().startsWith("leader of us-east: none from 0s, server-");
    }

    @Test
    void when_leaderCrashes_then_oneNewLeaderIsElectedAndRecoveryIsMeasured() {
        RunResult r = run("leader-loss");
        assertThat(count(r, "leaderChanges")).isEqualTo(1);
        assertThat(count(r, "elections")).isGreaterThanOrEqualTo(2);
        double[] recover = samples(r, "timeToRecoverSeconds");
        assertThat(recover).hasSize(1);
        // hashicorp defaults: followers notice within [HT, 3HT) = [1s, 3s) of the last contact,
        // then a pre-vote and a vote round of a few milliseconds.
        assertThat(recover[0]).isBetween(1.0, 3.5);
        double[] leaderless = samples(r, "leaderlessAsSeenByFollowersSeconds");
        assertThat(leaderless).hasSize(1);
        assertThat(leaderless[0]).isBetween(1.0, 3.5);
        String w = "at 1m: crash leader for 1m";
        assertThat(inWindow(r, w, "writeAvailability")).isBetween(0.8, 0.995);
        assertThat(inWindow(r, w, "readAvailabilityStale")).isGreaterThanOrEqualTo(inWindow(r, w, "writeAvailability"));
        assertThat(count(r, "invariantViolations")).isZero();
        assertThat(count(r, "committedWritesLost")).isZero();
        // The servers' Serf pool (WAN profile, 3 members): a probe round (5 s) plus the suspicion
        // timeout, 30 s at its minimum once the other survivor confirms.
        double[] detected = samples(r, "failureDetectionFirstSeconds");
        assertThat(detected).hasSize(1);
        assertThat(detected[0]).isBetween(30.0, 60.0);
        assertThat(count(r, "falseFailures")).isZero();
        // Restarted a minute later, its agent starts in 1 to 3 s and rejoins through server_join.
        double[] rejoined = samples(r, "membershipConvergenceSeconds");
        assertThat(rejoined).hasSize(1);
        assertThat(rejoined[0]).isBetween(1.0, 10.0);
        // The restarted leader replays its log: the node counts stay those of the cluster.
        assertThat(value(r, "nodesReady")).isEqualTo(6.0);
        assertThat(value(r, "nodesInitializing")).isZero();
    }

    @Test
    void when_followerCrashes_then_theLeaderStaysAndWritesContinue() {
        RunResult r = run("follower-loss");
        assertThat(count(r, "leaderChanges")).isZero();
        assertThat(count(r, "elections")).isEqualTo(1);
        assertThat(samples(r, "timeToRecoverSeconds")).isEmpty();
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.97);
        assertThat(count(r, "invariantViolations")).isZero();
    }

    @Test
    void when_oneServerLeavesAndAnotherCrashes_then_thePeerSetShowsTheDifference() {
        RunResult r = run("server-leave-vs-crash");
        assertThat(count(r, "serverLeaves")).isEqualTo(1);
        assertThat(count(r, "serverFailures")).isEqualTo(1);
        assertThat(count(r, "autopilotRemovals")).isEqualTo(1);
        assertThat(count(r, "leaderChanges")).isZero();
        assertThat(peersAt(r, "us-east", 59)).isEqualTo(5);
        // The leave takes the server out of Raft at once; the crash leaves it a voter until
        // Serf (about 30 s) and autopilot (at most 10 s more) have done their work.
        assertThat(peersAt(r, "us-east", 62)).isEqualTo(4);
        assertThat(peersAt(r, "us-east", 185)).isEqualTo(4);
        assertThat(peersAt(r, "us-east", 240)).isEqualTo(3);
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.97);
    }

    @Test
    void when_threeOfFiveServersCrash_then_autopilotRemovesTwoAndStopsAtMinQuorum() {
        RunResult r = run("autopilot-cleanup");
        assertThat(count(r, "autopilotRemovals")).isEqualTo(2);
        assertThat(peersAt(r, "us-east", 55)).isEqualTo(5);
        assertThat(peersAt(r, "us-east", 170)).isEqualTo(4);
        assertThat(peersAt(r, "us-east", 290)).isEqualTo(3);
        assertThat(peersAt(r, "us-east", 470)).isEqualTo(3);
        // Two of three voters alive is still a quorum: writes go on after the last crash.
        assertThat(r.telemetry().entries(NomadMetrics.WRITE_AVAILABILITY).stream()
                .mapToDouble(e -> e.timeWeighted().meanOver(400 * S, 480 * S)).filter(x -> !Double.isNaN(x)).min()
                .orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void when_aRegionIsLost_then_theOthersGoOnAndOnlyTheAuthoritativeOnesLossStopsAclWrites() {
        RunResult r = run("region-failure");
        String eu = "at 3m: crash region eu-west for 3m";
        String us = "at 9m: crash region us-east for 3m";
        // The lost region's own probes are down with it; everyone else keeps working.
        assertThat(inWindow(r, eu, "writeAvailability")).isGreaterThan(0.99);
        assertThat(inWindow(r, eu, "aclWriteAvailability")).isGreaterThan(0.99);
        // Losing the authoritative region stops ACL writes, not the others' job writes.
        assertThat(inWindow(r, us, "writeAvailability")).isGreaterThan(0.99);
        assertThat(inWindow(r, us, "aclWriteAvailability")).isLessThan(0.05);
        // Replicas caught up within a second while us-east was there.
        assertThat(samples(r, "replicationLagSeconds")).isNotEmpty();
        assertThat(((Metric.Samples) region(r, "eu-west").get("replicationLagSeconds")).values()).isNotEmpty();
        assertThat(count(r, "invariantViolations")).isZero();
    }

    @Test
    void when_poolMemberCrashes_then_everyLiveMemberDetectsIt() {
        RunResult r = run("gossip-detection");
        double first = samples(r, "failureDetectionFirstSeconds")[0];
        double all = samples(r, "failureDetectionAllSeconds")[0];
        // LAN: at least one probe interval plus the suspicion timeout's minimum (4s for 10 members),
        // at most its maximum (24s) plus a few probe rounds.
        assertThat(first).isBetween(4.0, 30.0);
        assertThat(all).isBetween(first, 30.0);
        assertThat(count(r, "falseFailures")).isZero();
        // It restarts a minute later, takes 1-3 s to start its agent, and rejoins through a seed.
        double[] rejoin = samples(r, "membershipConvergenceSeconds");
        assertThat(rejoin).hasSize(1);
        assertThat(rejoin[0]).isBetween(1.0, 8.0);
    }

    static Metric.Timeline timeline(RunResult r, String metric) {
        return (Metric.Timeline) r.metrics().get(metric);
    }

    /** The first time the timeline reaches {@code value}, in seconds (NaN if never). */
    static double firstAt(Metric.Timeline t, double value) {
        for (int i = 0; i < t.values().length; i++) {
            if (t.values()[i] >= value) {
                return t.timesNanos()[i] / 1e9;
            }
        }
        return Double.NaN;
    }

    static java.util.List<Double> list(double[] xs) {
        return java.util.Arrays.stream(xs).boxed().toList();
    }

    static double max(Metric.Timeline t) {
        return java.util.Arrays.stream(t.values()).max().orElse(0);
    }

    @Test
    void when_aClientIsCutOff_then_itIsMarkedDownAfterItsTtlAndGraceRescheduledAndCollectedAfterADay() {
        RunResult r = run("client-heartbeat-loss");
        assertThat(count(r, "nodesMarkedDown")).isEqualTo(1);
        assertThat(count(r, "nodesFalselyMarkedDown")).isZero();
        double downAt = firstAt(timeline(r, "nodesDownOverTime"), 1);
        assertThat(downAt - 120).isBetween(10.0, 30.0);
        assertThat(count(r, "allocationsLost")).isEqualTo(count(r, "allocationsRescheduled")).isPositive();
        double[] ttr = samples(r, "timeToRescheduleSeconds");
        assertThat(list(ttr)).isNotEmpty().allSatisfy(x -> assertThat(x).isBetween(10.0, 35.0));
        // Collected on the first 5-minute GC pass after 24 h down.
        assertThat(count(r, "nodesGarbageCollected")).isEqualTo(1);
        Metric.Timeline down = timeline(r, "nodesDownOverTime");
        double collectedAt = down.timesNanos()[down.values().length - 1] / 1e9;
        assertThat(down.values()[down.values().length - 1]).isZero();
        assertThat(collectedAt - downAt).isBetween(86_400.0, 86_400.0 + 300);
        // Only the cut-off client's own TTLs matter: with 12 clients they are 10 to 20 s.
        assertThat(list(samples(r, "clientTtlSeconds"))).allSatisfy(x -> assertThat(x).isBetween(10.0, 20.0));
    }

    @Test
    void when_theLeaderDiesAmongManyClients_then_theFailoverTtlMarksNoneDownButDelaysACrashedOne() {
        RunResult r = run("leader-failover-clients");
        // Only client-7, which really crashed; nobody for the leaderless seconds.
        assertThat(count(r, "nodesMarkedDown")).isEqualTo(1);
        assertThat(count(r, "nodesFalselyMarkedDown")).isZero();
        assertThat(count(r, "leaderChanges")).isEqualTo(1);
        // Marked down when the new leader's failover TTL ran out: about 5 minutes after 5m.
        double downAt = firstAt(timeline(r, "nodesDownOverTime"), 1);
        assertThat(downAt).isBetween(300.0 + 300, 300.0 + 310);
        // Over the measured window (after the 30 s warm-up) one node was down for its last part
        // only: the mean count of down nodes is that share, not one (the status count is known to
        // be zero before anyone is down).
        assertThat(value(r, "nodesDown")).isCloseTo((900 - downAt) / (900 - 30), org.assertj.core.data.Offset.offset(0.01));
        assertThat(timeline(r, "nodesDownOverTime").values()).containsExactly(0, 1);
        // 900 clients: TTLs of 18 to 36 s (900 / 50 heartbeats a second = 18 s).
        assertThat(list(samples(r, "clientTtlSeconds"))).allSatisfy(x -> assertThat(x).isBetween(10.0, 36.0));
        assertThat(java.util.Arrays.stream(samples(r, "clientTtlSeconds")).max().orElseThrow()).isGreaterThan(30);
    }

    @Test
    void when_anAzIsLost_then_itsAllocationsAreRescheduledWhereTheyFitAndTheRestWaitUnplaced() {
        RunResult r = run("az-failure");
        // Both times the zone's 20 clients are marked down, none falsely.
        assertThat(count(r, "nodesMarkedDown")).isEqualTo(40);
        assertThat(count(r, "nodesFalselyMarkedDown")).isZero();
        Metric.Timeline unplaced = timeline(r, "allocationsUnplacedOverTime");
        // The two other zones hold 20 of the lost 30: 10 wait, and are placed when the zone is back.
        assertThat(max(unplaced)).isEqualTo(10);
        assertThat(unplaced.values()[unplaced.values().length - 1]).isZero();
        // The follower's zone: marked down within TTL plus grace. The leader's zone: only when the
        // new leader's failover TTL ran out, about 5 minutes after the election.
        Metric.Timeline down = timeline(r, "nodesDownOverTime");
        assertThat(firstAt(down, 20)).isBetween(300.0 + 10, 300.0 + 30);
        double secondLoss = 0;
        for (int i = 0; i < down.values().length; i++) {
            if (down.timesNanos()[i] > 1200e9 && down.values()[i] > 0 && secondLoss == 0) {
                secondLoss = down.timesNanos()[i] / 1e9;
            }
        }
        assertThat(secondLoss).isBetween(1200.0 + 300, 1200.0 + 310);
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.99);
        assertThat(count(r, "invariantViolations")).isZero();
    }
}
