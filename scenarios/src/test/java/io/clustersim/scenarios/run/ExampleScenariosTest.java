package io.clustersim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example library behaves as its comments promise. */
class ExampleScenariosTest {
    private static RunResult run(String name) {
        Scenario s = new ScenarioReader().read(Path.of("examples", name + ".yaml"));
        return new ScenarioRunner().run(s, null);
    }

    private static long count(RunResult r, String metric) {
        return ((Metric.Count) r.metrics().get(metric)).value();
    }

    private static double[] samples(RunResult r, String metric) {
        return ((Metric.Samples) r.metrics().get(metric)).values();
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
        assertThat(((Metric.Value) r.metrics().get("leaderlessSeconds")).value()).isBetween(0.5, 3.5);
        assertThat(count(r, "invariantViolations")).isZero();
        assertThat(count(r, "committedWritesLost")).isZero();
    }

    @Test
    void when_followerCrashes_then_theLeaderStaysAndWritesContinue() {
        RunResult r = run("follower-loss");
        assertThat(count(r, "leaderChanges")).isZero();
        assertThat(count(r, "elections")).isEqualTo(1);
        assertThat(samples(r, "timeToRecoverSeconds")).isEmpty();
        assertThat(count(r, "writesSucceeded")).isGreaterThan(3000);
        assertThat(count(r, "invariantViolations")).isZero();
    }

    @Test
    void when_poolMemberCrashes_then_everyLiveMemberDetectsIt() {
        RunResult r = run("gossip-detection");
        Map<String, Metric> detection = ((Metric.Group) r.metrics().get("failureDetectionSeconds")).members();
        double first = ((Metric.Samples) detection.get("first")).values()[0];
        double all = ((Metric.Samples) detection.get("all")).values()[0];
        // LAN: at least one probe interval plus the suspicion timeout's minimum (4s for 10 members),
        // at most its maximum (24s) plus a few probe rounds.
        assertThat(first).isBetween(4.0, 30.0);
        assertThat(all).isBetween(first, 30.0);
        assertThat(count(r, "falseFailures")).isZero();
        // It restarts a minute later and rejoins through a seed: every live member sees it again
        // within a few gossip rounds.
        double[] rejoin = samples(r, "membershipConvergenceSeconds");
        assertThat(rejoin).hasSize(1);
        assertThat(rejoin[0]).isBetween(0.0, 5.0);
    }

    @Test
    void when_referenceArchitectureRuns_then_oneLeaderServesWritesAndClientsAreAnswered() {
        RunResult r = run("reference-architecture");
        assertThat(count(r, "leaderChanges")).isZero();
        assertThat(count(r, "clientResponses")).isGreaterThan(count(r, "clientRequests") * 99 / 100);
        assertThat(count(r, "writesSucceeded")).isGreaterThan(5000);
    }
}
