package io.clustersim.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GensTest {

    private static final int SAMPLES = 500;

    private static Draws zeros() {
        return Draws.replaying(new long[0]);
    }

    @Test
    void when_allChoicesAreZero_then_everyGeneratorGivesItsSimplestValue() {
        assertThat(Gens.integers(5, 10).generate(zeros())).isEqualTo(5);
        assertThat(Gens.integers(-3L, 9L).generate(zeros())).isEqualTo(-3L);
        assertThat(Gens.durations(Duration.ofSeconds(1), Duration.ofSeconds(5)).generate(zeros()))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(Gens.doubles(2.0, 3.0).generate(zeros())).isEqualTo(2.0);
        assertThat(Gens.seeds().generate(zeros())).isZero();
        assertThat(Gens.booleans().generate(zeros())).isFalse();
        assertThat(Gens.oneOf("first", "second").generate(zeros())).isEqualTo("first");
        assertThat(Gens.elements(List.of(7, 8)).generate(zeros())).isEqualTo(7);
        assertThat(Gens.oneOfGens(Gens.constant("x"), Gens.constant("y")).generate(zeros()))
                .isEqualTo("x");
        assertThat(Gens.lists(Gens.integers(4, 9), 0, 10).generate(zeros())).isEmpty();
        assertThat(Gens.lists(Gens.integers(4, 9), 2, 10).generate(zeros())).containsExactly(4, 4);
    }

    @Test
    void when_allChoicesAreZero_then_topologyIsOneRegionOneZoneOneServerNoClients() {
        TopologySpec topology = Gens.topologies(3, 3, 5, 4).generate(zeros());

        assertThat(topology).isEqualTo(new TopologySpec(List.of(new TopologySpec.Region("r1",
                List.of(new TopologySpec.Zone("r1-a", 1, 0))))));
    }

    @Test
    void when_generatingTopologies_then_boundsAndNamesHold() {
        Gen<TopologySpec> gen = Gens.topologies(3, 4, 5, 2);
        for (long seed = 0; seed < SAMPLES; seed++) {
            TopologySpec topology = gen.generate(Draws.recording(seed));

            assertThat(topology.regions()).hasSizeBetween(1, 3);
            assertThat(topology.totalServers()).isPositive();
            for (int r = 0; r < topology.regions().size(); r++) {
                TopologySpec.Region region = topology.regions().get(r);
                assertThat(region.name()).isEqualTo("r" + (r + 1));
                assertThat(region.zones()).hasSizeBetween(1, 4);
                for (int z = 0; z < region.zones().size(); z++) {
                    TopologySpec.Zone zone = region.zones().get(z);
                    assertThat(zone.name()).isEqualTo(region.name() + "-" + (char) ('a' + z));
                    assertThat(zone.servers()).isBetween(0, 5);
                    assertThat(zone.clients()).isBetween(0, 2);
                }
            }
        }
    }

    @Test
    void when_generatingManyTopologies_then_largeOnesAppearToo() {
        Gen<TopologySpec> gen = Gens.topologies(3, 3, 5, 2);
        int maxRegions = 0;
        int maxZones = 0;
        for (long seed = 0; seed < SAMPLES; seed++) {
            TopologySpec topology = gen.generate(Draws.recording(seed));
            maxRegions = Math.max(maxRegions, topology.regions().size());
            maxZones = Math.max(maxZones, topology.zoneCount());
        }

        assertThat(maxRegions).isEqualTo(3);
        assertThat(maxZones).isGreaterThanOrEqualTo(6);
    }

    @Test
    void when_generatingLists_then_sizesStayInRangeAndVary() {
        Gen<List<Integer>> gen = Gens.lists(Gens.integers(0, 3), 2, 6);
        int longest = 0;
        for (long seed = 0; seed < SAMPLES; seed++) {
            List<Integer> list = gen.generate(Draws.recording(seed));
            assertThat(list).hasSizeBetween(2, 6).allSatisfy(e -> assertThat(e).isBetween(0, 3));
            longest = Math.max(longest, list.size());
        }
        assertThat(longest).isEqualTo(6);
    }

    @Test
    void when_listChoicesAreDeleted_then_elementsAreDeleted() {
        // [continue, element, continue, element, stop]: cutting one (flag, element) pair
        // leaves a valid, shorter list.
        Gen<List<Integer>> gen = Gens.lists(Gens.integers(0, 100), 0, 10);

        assertThat(gen.generate(Draws.replaying(new long[] {1, 40, 1, 60, 0})))
                .containsExactly(40, 60);
        assertThat(gen.generate(Draws.replaying(new long[] {1, 60, 0}))).containsExactly(60);
    }

    @Test
    void when_generatingNumbers_then_theyStayInRange() {
        Gen<Duration> durations = Gens.durations(Duration.ofMillis(10), Duration.ofMillis(20));
        Gen<Double> doubles = Gens.doubles(-0.5, 0.5);
        Gen<Long> longs = Gens.integers(-10L, 10L);
        Draws draws = Draws.recording(5);
        for (int i = 0; i < SAMPLES; i++) {
            assertThat(durations.generate(draws))
                    .isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
            assertThat(doubles.generate(draws)).isGreaterThanOrEqualTo(-0.5).isLessThan(0.5);
            assertThat(longs.generate(draws)).isBetween(-10L, 10L);
        }
    }

    @Test
    void when_combinatorsAreUsed_then_theyComposeOverTheSameChoices() {
        Gen<Integer> doubled = Gens.integers(0, 10).map(x -> x * 2);
        Gen<List<Integer>> sized = Gens.integers(1, 3).flatMap(n -> Gens.lists(Gens.constant(n), n, n));
        Gen<Integer> even = Gens.integers(0, 10).filter(x -> x % 2 == 0);

        assertThat(doubled.generate(Draws.replaying(new long[] {4}))).isEqualTo(8);
        assertThat(sized.generate(Draws.replaying(new long[] {2}))).containsExactly(3, 3, 3);
        // The filter skips 3 and 5, then accepts 6.
        assertThat(even.generate(Draws.replaying(new long[] {3, 5, 6}))).isEqualTo(6);
    }

    @Test
    void when_filterNeverMatches_then_tryIsRejectedNotFailed() {
        Gen<Integer> impossible = Gens.integers(0, 10).filter(x -> x > 10);

        assertThatThrownBy(() -> impossible.generate(Draws.recording(1)))
                .isInstanceOf(Draws.Reject.class);
    }

    @Test
    void when_argumentsAreInvalid_then_factoriesRefuseThem() {
        assertThatThrownBy(() -> Gens.integers(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.lists(Gens.booleans(), 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.topologies(1, 27, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.topologies(1, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.elements(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
