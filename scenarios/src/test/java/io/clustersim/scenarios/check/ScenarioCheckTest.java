package io.clustersim.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.FailuresWriter;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import io.clustersim.testkit.gen.Draws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCheckTest {
    private static final long S = 1_000_000_000L;
    private static final String SMALL = "name: small\nseed: 5\nduration: 5m\n" + io.clustersim.scenarios.schema.Topologies.THREE_AZS;

    private static Scenario scenario(String extra) {
        return new ScenarioReader().read("small.yaml", SMALL + extra);
    }

    private static ScenarioCheck.Options options(int runs) {
        return new ScenarioCheck.Options(runs, 9, 2, false, 4, 200);
    }

    @Test
    void when_onlySafetyIsExpected_then_randomSchedulesWithinTheBudgetAllPass() {
        ScenarioCheck.Outcome o = new ScenarioCheck(scenario(""), options(8)).run(ScenarioCheck.Progress.NONE);
        assertThat(o.runs()).isEqualTo(8);
        assertThat(o.failed()).isZero();
        assertThat(o.firstFailed()).isEmpty();
    }

    @Test
    void when_anExpectationBreaks_then_theMinimalScheduleReplaysTheFailureFromItsYaml() {
        Scenario s = scenario("expect: { maxLeaderChanges: 0 }\n");
        ScenarioCheck check = new ScenarioCheck(s, options(20));
        ScenarioCheck.Outcome o = check.run(ScenarioCheck.Progress.NONE);
        assertThat(o.firstFailed()).isPresent();
        ScenarioCheck.Minimal m = check.shrink(o.firstFailed().getAsInt());
        assertThat(m.broken()).singleElement().asString().contains("at most 0 leader changes");
        // Minimal: one fault that costs the leader its place.
        assertThat(m.schedule()).hasSize(1);

        // Pasted into the file, it replays: the same failure, from the YAML alone.
        String pasted = SMALL.replace("seed: 5", "seed: " + m.seed()) + "expect: { maxLeaderChanges: 0 }\n"
                + FailuresWriter.block(m.schedule());
        Scenario replay = new ScenarioReader().read("small.yaml", pasted);
        assertThat(replay.failures()).isEqualTo(m.schedule());
        RunResult r = new ScenarioRunner().run(replay, null);
        assertThat(ExpectationCheck.broken(replay, r)).isEqualTo(m.broken());
    }

    @Test
    void when_theFailureNeedsNoFaultAtAll_then_shrinkingCostsOneRun() {
        // The scenario's own leader crash breaks the expectation whatever the nemesis does.
        Scenario s = scenario("expect: { maxLeaderChanges: 0 }\nfailures:\n  - { at: 1m, crash: leader, for: 30s }\n");
        ScenarioCheck check = new ScenarioCheck(s, options(2));
        ScenarioCheck.Outcome o = check.run(ScenarioCheck.Progress.NONE);
        assertThat(o.failed()).isEqualTo(2);
        ScenarioCheck.Minimal m = check.shrink(0);
        assertThat(m.shrinkRuns()).isEqualTo(1);
        assertThat(m.schedule()).isEmpty();
    }

    @Test
    void when_schedulesAreDrawn_then_noTwoOfThreeServersAreEverHitAtOnce() {
        Scenario s = scenario("failures:\n  - { at: 2m, crash: \"zone:a\", for: 30s }\n");
        Nemesis nemesis = new Nemesis(s, false, 6);
        for (long seed = 0; seed < 300; seed++) {
            List<ScheduledFault> drawn = new ArrayList<>(s.failures());
            drawn.addAll(nemesis.draw(Draws.recording(seed)));
            for (long t = 0; t < 300; t++) {
                long now = t * S;
                long hit = drawn.stream().filter(f -> f.atNanos() <= now && now < f.atNanos() + f.durationNanos() + Nemesis.REJOIN_NANOS)
                        .filter(f -> hitsServers(f.fault())).count();
                assertThat(hit).as("seed %d at %ds: %s", seed, t, drawn).isLessThanOrEqualTo(1);
            }
        }
    }

    /** Whether a nemesis fault takes a server (one, in this topology) out of the quorum. */
    private static boolean hitsServers(Fault f) {
        return f instanceof Fault.Crash || f instanceof Fault.Kill || f instanceof Fault.Pause || f instanceof Fault.Stop
                || f instanceof Fault.Isolate;
    }

    @Test
    void when_faultsAreWrittenAndReadBack_then_theyAreTheSame() {
        List<ScheduledFault> faults = List.of(
                new ScheduledFault(60 * S, new Fault.Crash(new Target.Leader()), 30 * S),
                new ScheduledFault(70 * S, new Fault.Kill(new Target.Node("server-2")), 5 * S),
                new ScheduledFault(80 * S, new Fault.Isolate(new Target.Zone("a")), 90 * S),
                new ScheduledFault(90 * S, new Fault.Pause(new Target.Random(new Target.Servers(null))), 10 * S),
                new ScheduledFault(95 * S, new Fault.Crash(new Target.ZoneOf(new Target.Follower())), 10 * S),
                new ScheduledFault(100 * S, new Fault.Degrade(new Fault.Links.OfClass(io.clustersim.kernel.network.LinkClass.CROSS_ZONE),
                        20_000_000L, 5_000_000L, 0.01, 0), 60 * S),
                new ScheduledFault(110 * S, new Fault.SlowDisk(new Target.Leader(), new io.clustersim.kernel.disk.Disk.Slowdown(5, 0, 0)),
                        60 * S),
                new ScheduledFault(120 * S, new Fault.Partition(List.of(List.of("a"), List.of("b", "c")), true), 15 * S),
                new ScheduledFault(130 * S, new Fault.Heal(), 0),
                new ScheduledFault(140 * S, new Fault.Stop(new Target.Node("server-3"), io.clustersim.kernel.node.StopSignal.TERMINATE),
                        20 * S));
        Scenario back = new ScenarioReader().read("small.yaml", SMALL + FailuresWriter.block(faults));
        assertThat(back.failures()).isEqualTo(faults);
    }
}
