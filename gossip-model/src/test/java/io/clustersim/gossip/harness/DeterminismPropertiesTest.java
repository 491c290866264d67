package io.clustersim.gossip.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.testkit.gen.Draws;
import io.clustersim.testkit.gen.Gens;
import io.clustersim.testkit.property.Property;
import java.time.Duration;
import java.util.List;

/** One seed decides everything: same seed, same kernel trace; another seed, another trace. */
class DeterminismPropertiesTest {

    /** A run with joins, a crash, a partition and a slow member, all at drawn instants. */
    private record Scenario(int size, String profile, boolean lifeguard, long crashAtMs, long partitionAtMs,
            long healAfterMs, long slowDelayMs) {}

    private static Scenario scenario(Draws draws) {
        return new Scenario(
                draws.draw(Gens.integers(2, 30), "size"),
                draws.draw(Gens.elements(List.of("lan", "wan")), "profile"),
                draws.draw(Gens.booleans(), "lifeguard off").equals(Boolean.FALSE),
                draws.draw(Gens.integers(0L, 20_000L), "crash at ms"),
                draws.draw(Gens.integers(0L, 20_000L), "partition at ms"),
                draws.draw(Gens.integers(0L, 30_000L), "heal after ms"),
                draws.draw(Gens.integers(0L, 2_000L), "slow delay ms"));
    }

    private static String run(Scenario s, long seed) {
        SerfPoolHarness pool = SerfPoolHarness.builder().size(s.size)
                .config(GossipConfig.profile(s.profile).withLifeguard(s.lifeguard)).seed(seed).build();
        pool.start();
        List<String> names = pool.memberNames();
        pool.setProcessingDelay(names.get(0), Duration.ofMillis(s.slowDelayMs));
        pool.runFor(Duration.ofMillis(s.crashAtMs));
        pool.crash(names.get(names.size() - 1));
        pool.runFor(Duration.ofMillis(s.partitionAtMs));
        var cut = pool.isolate(names.get(names.size() / 2));
        pool.runFor(Duration.ofMillis(s.healAfterMs));
        pool.heal(cut);
        pool.runFor(Duration.ofSeconds(30));
        return pool.traceHash() + "/" + pool.world().trace().recorded();
    }

    @Property(tries = 100, maxShrinks = 10)
    void sameSeed_sameTraceHash(Draws draws) {
        Scenario s = scenario(draws);
        long seed = draws.draw(Gens.seeds(), "seed");
        assertThat(run(s, seed)).isEqualTo(run(s, seed));
    }

    @Property(tries = 100, maxShrinks = 10)
    void differentSeeds_differentTraceHash(Draws draws) {
        Scenario s = scenario(draws);
        long seed = draws.draw(Gens.seeds(), "seed");
        long other = draws.draw(Gens.seeds(), "other seed");
        draws.assume(seed != other);
        assertThat(run(s, seed)).isNotEqualTo(run(s, other));
    }
}
