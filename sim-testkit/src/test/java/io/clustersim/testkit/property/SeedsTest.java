package io.clustersim.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void when_nameIsHashed_then_resultIsStandard64BitFnv1a() {
        // Published FNV-1a 64 test vectors: stable across JVMs, platforms and releases.
        assertThat(Seeds.fromName("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Seeds.fromName("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void when_namesDiffer_then_baseSeedsDiffer() {
        assertThat(Seeds.fromName("a.BTest#m1")).isNotEqualTo(Seeds.fromName("a.BTest#m2"));
    }

    @Test
    void when_trySeedsAreDerived_then_theyAreDeterministicAndDistinct() {
        Set<Long> seeds = new HashSet<>();
        for (long base = 0; base < 10; base++) {
            for (int i = 0; i < 1000; i++) {
                assertThat(Seeds.forTry(base, i)).isEqualTo(Seeds.forTry(base, i));
                seeds.add(Seeds.forTry(base, i));
            }
        }
        assertThat(seeds).hasSize(10_000);
    }
}
