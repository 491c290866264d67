package io.clustersim.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs {@code @Property} fixtures through the real Jupiter engine. The fixtures are static nested
 * classes: surefire's default excludes skip nested classes and Jupiter does not discover static
 * nested classes of a selected class, so the deliberately failing one runs only here.
 */
class PropertyExtensionTest {

    /** Pins every setting, so a -D on the build's command line cannot change these runs. */
    private static final Map<String, String> DEFAULTS =
            Map.of("clustersim.tries", "100", "clustersim.seed", "", "clustersim.seed.base", "");

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    static class PassingFixture {
        static final AtomicInteger INVOCATIONS = new AtomicInteger();

        @Property(tries = 40)
        void countsTries(Draws draws, TestInfo info) {
            INVOCATIONS.incrementAndGet();
            assertThat(info.getTestMethod()).isPresent();
            assertThat(draws.draw(Gens.integers(0, 9), "digit")).isBetween(0, 9);
        }
    }

    static class FailingFixture {
        @Property(tries = 50)
        void sumBelow500(Draws draws) {
            List<Integer> list = draws.draw(Gens.lists(Gens.integers(0, 1000), 0, 20), "list");
            assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThan(500);
        }
    }

    private EngineExecutionResults run(Class<?> fixture, Map<String, String> overrides) {
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            var request = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture));
            DEFAULTS.forEach(request::configurationParameter);
            overrides.forEach(request::configurationParameter);
            return request.execute();
        } finally {
            System.setErr(original);
        }
    }

    private static Throwable onlyFailure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Property(tries = 20)
    void when_usedAsAnnotation_then_methodReceivesDraws(Draws draws) {
        int low = draws.draw(Gens.integers(0, 100), "low");
        int high = draws.draw(Gens.integers(low, 200), "high");

        assertThat(high).isGreaterThanOrEqualTo(low);
    }

    @org.junit.jupiter.api.Test
    void when_propertyPasses_then_itRunsTheAnnotatedTriesOnceEach() {
        PassingFixture.INVOCATIONS.set(0);

        EngineExecutionResults results = run(PassingFixture.class, Map.of());

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(PassingFixture.INVOCATIONS).hasValue(40);
    }

    @org.junit.jupiter.api.Test
    void when_effortIs30_then_triesScaleTo30Percent() {
        PassingFixture.INVOCATIONS.set(0);

        run(PassingFixture.class, Map.of("clustersim.tries", "30"));

        assertThat(PassingFixture.INVOCATIONS).hasValue(12);
    }

    @org.junit.jupiter.api.Test
    void when_propertyFails_then_junitReportsTheShrunkCaseAndReplaySeed() {
        Throwable failure = onlyFailure(run(FailingFixture.class, Map.of()));

        String name = FailingFixture.class.getName() + "#sumBelow500";
        long seed = ((PropertyFailure) failure).seed();
        assertThat(failure.getMessage())
                .contains("Property failed: " + name)
                .contains("base seed " + Seeds.fromName(name))
                .contains("list = [500]")
                .contains("-Dclustersim.seed=" + seed)
                .contains("-Dtest=PropertyExtensionTest$FailingFixture#sumBelow500");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(failure.getMessage());
    }

    @org.junit.jupiter.api.Test
    void when_seedIsConfigured_then_thatTryIsReplayedAndFailsTheSameWay() {
        PropertyFailure first = (PropertyFailure) onlyFailure(run(FailingFixture.class, Map.of()));

        PropertyFailure replayed = (PropertyFailure) onlyFailure(run(FailingFixture.class,
                Map.of("clustersim.seed", Long.toString(first.seed()))));

        assertThat(replayed.seed()).isEqualTo(first.seed());
        assertThat(replayed.minimalValues()).isEqualTo(first.minimalValues());
        assertThat(replayed.getMessage()).contains("replay of a given seed");
    }

    @org.junit.jupiter.api.Test
    void when_baseSeedIsConfigured_then_triesDeriveFromIt() {
        Throwable failure = onlyFailure(run(FailingFixture.class, Map.of("clustersim.seed.base", "77")));

        assertThat(failure.getMessage()).contains("base seed 77");
    }

    @org.junit.jupiter.api.Test
    void when_settingIsMalformed_then_propertyFailsNamingIt() {
        Throwable failure = onlyFailure(run(PassingFixture.class, Map.of("clustersim.seed", "abc")));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clustersim.seed");
    }
}
