package io.clustersim.scenarios.check;

import io.clustersim.faults.ScheduledFault;
import io.clustersim.scenarios.run.InvariantViolated;
import io.clustersim.scenarios.run.RunPool;
import io.clustersim.scenarios.run.RunResult;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.PropertyCheck;
import io.clustersim.testkit.property.PropertyFailure;
import io.clustersim.testkit.property.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks a scenario under random fault schedules: each run draws a world seed and a nemesis
 * schedule (added to the scenario's own failures), runs, and must keep every safety invariant and
 * every {@code expect:} promise. Runs are independent simulations, so they go in parallel, each
 * on one thread; the outcome does not depend on the number of threads. The failing run with the
 * lowest index is shrunk to a minimal schedule.
 */
public final class ScenarioCheck {
    /**
     * @param runs how many random schedules
     * @param baseSeed run {@code i} draws from {@code Seeds.forTry(baseSeed, i)}
     * @param threads simulations run at once
     * @param allowQuorumLoss let the nemesis take down a majority of a region's servers
     * @param maxFaults at most this many nemesis faults per run
     * @param maxShrinks runs the shrinker may spend
     */
    public record Options(int runs, long baseSeed, int threads, boolean allowQuorumLoss, int maxFaults, int maxShrinks) {
        public Options {
            if (runs < 1 || threads < 1 || maxFaults < 0 || maxShrinks < 0) {
                throw new IllegalArgumentException("need runs >= 1, threads >= 1, maxFaults >= 0, maxShrinks >= 0");
            }
        }
    }

    /** Told after every run (from whichever thread ran it). */
    public interface Progress {
        void runDone(int done, int failed);

        Progress NONE = (done, failed) -> {};
    }

    /**
     * A minimal failing case.
     *
     * @param run the index of the run that failed first (from 0)
     * @param seed the world seed to replay it with
     * @param schedule the nemesis's faults, to add to the scenario's own
     * @param broken what failed, one line each
     * @param shrinkRuns runs spent shrinking
     */
    public record Minimal(int run, long seed, List<ScheduledFault> schedule, List<String> broken, int shrinkRuns) {}

    /** What a check found: how many of the runs failed, and the first that did (shrink it with {@link #shrink}). */
    public record Outcome(int runs, int failed, java.util.OptionalInt firstFailed) {}

    private final Scenario scenario;
    private final Options options;
    private final Nemesis nemesis;

    public ScenarioCheck(Scenario scenario, Options options) {
        this.scenario = scenario;
        this.options = options;
        this.nemesis = new Nemesis(scenario, options.allowQuorumLoss(), options.maxFaults());
    }

    public Outcome run(Progress progress) {
        int[] failedSoFar = {0};
        List<Boolean> failed = RunPool.map(options.runs(), options.threads(),
                i -> fails(Seeds.forTry(options.baseSeed(), i)), (finished, bad) -> {
                    failedSoFar[0] += bad ? 1 : 0;
                    progress.runDone(finished, failedSoFar[0]);
                });
        int first = failed.indexOf(Boolean.TRUE);
        return new Outcome(options.runs(), failedSoFar[0], first < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(first));
    }

    private boolean fails(long seed) {
        try {
            body().accept(Draws.recording(seed));
            return false;
        } catch (CheckFailed f) {
            return true;
        }
    }

    /** Replays run {@code index} and shrinks it to a minimal failing case. */
    public Minimal shrink(int index) {
        Optional<PropertyFailure> f = PropertyCheck.shrinkSeed(scenario.name(), Seeds.forTry(options.baseSeed(), index),
                options.maxShrinks(), body());
        CheckFailed minimal = (CheckFailed) f.orElseThrow(() -> new IllegalStateException(
                "run " + index + " failed once and not again: the simulation is not deterministic")).getCause();
        return new Minimal(index, minimal.seed, minimal.schedule, minimal.broken, f.get().shrinkRuns());
    }

    /** One checked run, as the testkit sees it: draws in, a {@link CheckFailed} out if anything broke. */
    private Consumer<Draws> body() {
        return draws -> {
            long seed = draws.draw(Gens.seeds(), "seed");
            List<ScheduledFault> schedule = nemesis.draw(draws);
            List<ScheduledFault> all = new ArrayList<>(scenario.failures());
            all.addAll(schedule);
            Scenario s = scenario.withSeed(seed).withFailures(all);
            RunResult r;
            try {
                r = new ScenarioRunner().run(s, null);
            } catch (InvariantViolated v) {
                throw new CheckFailed(seed, schedule, List.of("safety: " + v.invariant() + ": " + v.getMessage()), v);
            }
            List<String> broken = ExpectationCheck.broken(s, r);
            if (!broken.isEmpty()) {
                throw new CheckFailed(seed, schedule, broken, null);
            }
        };
    }
}
