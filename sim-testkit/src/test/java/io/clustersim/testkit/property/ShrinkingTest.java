package io.clustersim.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.gen.TopologySpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shrinking reaches minimal cases, whatever the base seed that found the failure. */
class ShrinkingTest {

    private static final PropertyBody SUM_BELOW_500 = draws -> {
        List<Integer> list = draws.draw(Gens.lists(Gens.integers(0, 1000), 0, 20), "list");
        assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThan(500);
    };

    private static final PropertyBody FEWER_THAN_3_SERVERS = draws -> {
        TopologySpec topology = draws.draw(Gens.topologies(3, 3, 5, 3), "topology");
        assertThat(topology.totalServers()).isLessThan(3);
    };

    static PropertyFailure failureOf(PropertyBody body, long baseSeed) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return catchThrowableOfType(PropertyFailure.class, () -> PropertyCheck.runTries(
                "ShrinkingTest#property", baseSeed, 100, PropertyCheck.DEFAULT_MAX_SHRINKS, body, sink));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42, -7, 123_456_789, Long.MIN_VALUE})
    void when_sumOfListReaches500_then_shrinksToSingleElementOf500(long baseSeed) {
        PropertyFailure failure = failureOf(SUM_BELOW_500, baseSeed);

        assertThat(failure.minimalValue("list")).contains(List.of(500));
        assertThat(failure.choicesAfterShrinking()).isLessThan(failure.choicesBeforeShrinking());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42, -7, 123_456_789, Long.MIN_VALUE})
    void when_topologyHas3Servers_then_shrinksToOneZoneWithExactly3Servers(long baseSeed) {
        PropertyFailure failure = failureOf(FEWER_THAN_3_SERVERS, baseSeed);

        assertThat(failure.minimalValue("topology")).contains(new TopologySpec(List.of(
                new TopologySpec.Region("r1", List.of(new TopologySpec.Zone("r1-a", 3, 0))))));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42})
    void when_thePropertyFailsWhateverIsDrawn_then_shrinkingStopsAfterOneRunAtTheEmptyCase(long baseSeed) {
        PropertyBody alwaysFails = draws -> {
            draws.draw(Gens.lists(Gens.integers(0, 1000), 0, 20), "list");
            throw new AssertionError("broken expectation");
        };
        PropertyFailure failure = failureOf(alwaysFails, baseSeed);

        assertThat(failure.shrinkRuns()).isEqualTo(1);
        assertThat(failure.minimalValue("list")).contains(List.of());
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 77})
    void when_aToolShrinksASeedItself_then_itGetsTheMinimalFailureOrNothing(long seed) {
        java.util.Optional<PropertyFailure> failing = PropertyCheck.shrinkSeed("sum", seed, 500, draws -> {
            int x = draws.draw(Gens.integers(0, 1000), "x");
            assertThat(x).isLessThan(0);
        });
        assertThat(failing).isPresent();
        assertThat(failing.get().minimalValue("x")).contains(0);
        assertThat(PropertyCheck.shrinkSeed("fine", seed, 500, draws -> draws.draw(Gens.integers(0, 9), "x"))).isEmpty();
    }
}
