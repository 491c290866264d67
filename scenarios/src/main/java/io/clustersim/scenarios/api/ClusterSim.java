package io.clustersim.scenarios.api;

import io.clustersim.scenarios.check.ScenarioCheck;
import io.clustersim.scenarios.run.ScenarioRunner;
import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;

/**
 * Entry point of the public API.
 * <pre>{@code
 * Scenario s = ClusterSim.load(Path.of("src/test/resources/my-topology.yaml"));
 * Results r = ClusterSim.run(s.withSeed(7));
 * assertThat(r.committedWritesLost()).isZero();
 * assertThat(r.writesRecoveredWithin(Duration.ofSeconds(10))).isTrue();
 * }</pre>
 * A bad file or string throws {@link io.clustersim.scenarios.yaml.InputError} with the file, line,
 * column and key path; a broken safety invariant throws
 * {@link io.clustersim.scenarios.run.InvariantViolated} with the seed and the trace's tail.
 */
public final class ClusterSim {
    private ClusterSim() {}

    /** A scenario file. */
    public static Scenario load(Path file) {
        return new ScenarioReader().read(file);
    }

    /** A scenario given as YAML text; {@code name} stands for the file in messages. */
    public static Scenario parse(String name, String yaml) {
        return new ScenarioReader().read(name, yaml);
    }

    /** A scenario built in code. */
    public static ScenarioBuilder builder(String name) {
        return new ScenarioBuilder(name);
    }

    /** Runs the scenario with its seed. */
    public static Results run(Scenario scenario) {
        return new Results(scenario, new ScenarioRunner().run(scenario, null));
    }

    /**
     * Runs the scenario under {@code runs} random fault schedules from {@code seed}, as
     * {@code clustersim check} does, on one thread, and shrinks the first failure.
     */
    public static CheckReport check(Scenario scenario, int runs, long seed) {
        ScenarioCheck check = new ScenarioCheck(scenario, new ScenarioCheck.Options(runs, seed, 1, false, 4, 200));
        ScenarioCheck.Outcome o = check.run(ScenarioCheck.Progress.NONE);
        return new CheckReport(o.runs(), o.failed(),
                o.firstFailed().isPresent() ? java.util.Optional.of(check.shrink(o.firstFailed().getAsInt())) : java.util.Optional.empty());
    }
}
