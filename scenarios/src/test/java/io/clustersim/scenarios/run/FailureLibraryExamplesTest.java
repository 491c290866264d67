package io.clustersim.scenarios.run;

import static io.clustersim.scenarios.run.ExampleScenariosTest.S;
import static io.clustersim.scenarios.run.ExampleScenariosTest.count;
import static io.clustersim.scenarios.run.ExampleScenariosTest.inWindow;
import static io.clustersim.scenarios.run.ExampleScenariosTest.peersAt;
import static io.clustersim.scenarios.run.ExampleScenariosTest.run;
import static io.clustersim.scenarios.run.ExampleScenariosTest.value;
import static io.clustersim.scenarios.run.ExampleScenariosTest.window;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.telemetry.Telemetry;
import io.clustersim.model.metrics.NomadMetrics;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The failure library's examples (network, servers, disks, long runs) behave as their comments promise. */
class FailureLibraryExamplesTest {

    /** The p-quantile of the probes' latencies observed in [from, to) seconds. */
    private static double latencyQuantile(RunResult r, long fromSeconds, long toSeconds, double p) {
        List<Double> all = new ArrayList<>();
        for (Telemetry.Entry e : r.telemetry().entries(NomadMetrics.PROBE_LATENCY_MS)) {
            for (double v : e.samples().valuesBetween(fromSeconds * S, toSeconds * S)) {
                all.add(v);
            }
        }
        double[] xs = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return xs[(int) Math.min(xs.length - 1, Math.floor(p * xs.length))];
    }

    private static double regionInWindow(RunResult r, String window, String region, String metric) {
        Metric.Group regions = (Metric.Group) window(r, window).get("regions");
        return ((Metric.Value) ((Metric.Group) regions.members().get(region)).members().get(metric)).value();
    }

    @Test
    void when_zonesAreFartherApartThanTenMilliseconds_then_writesSlowDownButTheLeaderHolds() {
        RunResult r = run("wan-latency");
        assertThat(count(r, "leaderChanges")).isZero();
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.999);
        double before = latencyQuantile(r, 30, 600, 0.5);
        double during = latencyQuantile(r, 600, 900, 0.5);
        // The reference architecture's median is a few milliseconds (leader-loss: under 5 ms).
        assertThat(before).isBetween(30.0, 200.0);
        assertThat(during).isGreaterThan(300.0);
        String w = "at 10m: degrade cross-zone links (+150ms jitter 100ms loss 0.005) for 5m";
        assertThat(inWindow(r, w, "writeAvailability")).isGreaterThan(0.999);
        assertThat(count(r, "invariantViolations")).isZero();
    }

    @Test
    void when_oneAndThenTwoAzsFail_then_fiveServersSurviveWhatThreeDoNot() {
        RunResult r = run("three-vs-five-servers");
        String one = "at 5m: crash the zone of the leader for 5m";
        assertThat(regionInWindow(r, one, "three", "writeAvailability")).isGreaterThan(0.95);
        assertThat(regionInWindow(r, one, "five", "writeAvailability")).isGreaterThan(0.95);
        String two = "at 15m: crash zone three-a for 5m";
        assertThat(regionInWindow(r, two, "three", "writeAvailability")).isLessThan(0.05);
        assertThat(regionInWindow(r, two, "five", "writeAvailability")).isGreaterThan(0.95);
        assertThat(r.summary()).anySatisfy(l -> assertThat(l).startsWith("leader of three:").contains("none from 15m"));
        assertThat(count(r, "invariantViolations")).isZero();
        assertThat(count(r, "committedWritesLost")).isZero();
    }

    @Test
    void when_serversRestartOneAtATime_then_writesGoOnWithOneElectionAndThePeerSetStaysWhole() {
        RunResult r = run("rolling-restart");
        assertThat(count(r, "leaderChanges")).isEqualTo(1);
        assertThat(count(r, "serverFailures")).isEqualTo(3);
        assertThat(count(r, "autopilotRemovals")).isZero();
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.97);
        for (long t = 60; t < 600; t += 30) {
            assertThat(peersAt(r, "us-east", t)).as("voters at %ds", t).isEqualTo(3);
        }
        assertThat(count(r, "committedWritesLost")).isZero();
    }

    @Test
    void when_theLeadersDiskSlowsThenStalls_then_writesSlowDownThenStopWithoutAFailover() {
        RunResult r = run("disk-slowdown");
        assertThat(count(r, "leaderChanges")).isZero();
        String slow = "at 3m: slow disk on leader (fsync x20.0 +10ms, 200.0 IOPS) for 4m";
        assertThat(inWindow(r, slow, "writeAvailability")).isGreaterThan(0.99);
        assertThat(latencyQuantile(r, 60, 180, 0.9)).isLessThan(10.0);
        assertThat(latencyQuantile(r, 180, 420, 0.9)).isGreaterThan(20.0);
        String stall = "at 9m: stall disk on leader for 30s";
        assertThat(inWindow(r, stall, "writeAvailability")).isLessThan(0.3);
        assertThat(inWindow(r, stall, "readAvailabilityConsistent")).isGreaterThan(0.99);
        assertThat(count(r, "committedWritesLost")).isZero();
    }

    private static RunResult longRun(String duration, String serverMean, String zoneMean) throws Exception {
        String text = Files.readString(Path.of("examples", "long-run-stochastic.yaml"))
                .replace("duration: 365d", "duration: " + duration)
                .replace("mean: 30d", "mean: " + serverMean).replace("mean: 180d", "mean: " + zoneMean);
        Scenario s = new ScenarioReader().read("long-run-stochastic.yaml", text);
        return new ScenarioRunner().run(s, null);
    }

    @Test
    void when_failureRatesAreTenTimesHigherForTwoDays_then_failuresAndRepairsHappenAndNothingCommittedIsLost() throws Exception {
        // The example's own rates, ten times faster, over two days: the year's mechanics in seconds.
        RunResult r = longRun("2d", "3d", "18d");
        assertThat(count(r, "serverFailures")).isPositive();
        assertThat(value(r, "writeAvailability")).isBetween(0.9, 1.0);
        assertThat(count(r, "invariantViolations")).isZero();
        assertThat(count(r, "committedWritesLost")).isZero();
    }

    @Test
    @EnabledIfSystemProperty(named = "clustersim.longRuns", matches = "true")
    void when_aYearOfRandomFailuresRuns_then_writeAvailabilityStaysAboveThreeNines() throws Exception {
        RunResult r = longRun("365d", "30d", "180d");
        assertThat(count(r, "serverFailures")).isBetween(5L, 60L);
        assertThat(value(r, "writeAvailability")).isGreaterThan(0.999);
        assertThat(count(r, "committedWritesLost")).isZero();
        double[] recover = ExampleScenariosTest.samples(r, "timeToRecoverSeconds").clone();
        Arrays.sort(recover);
        // Most leader losses cost an election; a double failure may cost hours.
        assertThat(recover[recover.length / 2]).isLessThan(10);
    }

    @Test
    void when_raftMultiplierIsSwept_then_theLeaderlessTimeGrowsWithIt() {
        List<io.clustersim.scenarios.schema.ScenarioReader.Variant> variants = new ScenarioReader()
                .readVariants(Path.of("examples", "raft-multiplier-sweep.yaml"));
        assertThat(variants).extracting(io.clustersim.scenarios.schema.ScenarioReader.Variant::label)
                .containsExactly("multiplier=1", "multiplier=2", "multiplier=5");
        double[] leaderless = new double[3];
        for (int i = 0; i < 3; i++) {
            List<RunResult> runs = Replications.run(variants.get(i).scenario(), 2, (d, n) -> {});
            assertThat(runs).hasSize(5);
            leaderless[i] = runs.stream().mapToDouble(r -> value(r, "leaderlessSeconds")).average().orElseThrow();
        }
        assertThat(leaderless[0]).isBetween(1.0, 3.5);
        assertThat(leaderless[1]).isGreaterThan(leaderless[0]);
        assertThat(leaderless[2]).isGreaterThan(leaderless[1]).isBetween(6.0, 15.0);
    }
}
