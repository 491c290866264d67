package io.clustersim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void when_valuesAreOneToOneHundredAndOne_then_theQuantilesAreHyndmanFanEights() {
        double[] v = new double[101];
        for (int i = 0; i < v.length; i++) {
            v[i] = 101 - i; // given in descending order
        }
        Summary s = Summary.of(v);
        assertThat(s.count()).isEqualTo(101);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(101);
        assertThat(s.mean()).isEqualTo(51);
        // HF8: position (n + 1/3) p + 1/3, 1-based, interpolated.
        assertThat(s.p50()).isCloseTo(51, within(1e-9));
        assertThat(s.p90()).isCloseTo(91 + (101 + 1 / 3.0) * 0.9 + 1 / 3.0 - 91, within(1e-9));
        assertThat(s.p99()).isCloseTo(100 + (101 + 1 / 3.0) * 0.99 + 1 / 3.0 - 100, within(1e-9));
    }

    /**
     * The quantiles are selected in place; the minimum and maximum must not be read from the array
     * after that (they were: a run whose slowest probe call took 307 ms reported a maximum of 9.8 ms,
     * just above its p99).
     */
    @Test
    void when_manyValuesHaveARareOutlier_then_minAndMaxAreTheExtremes() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        for (int trial = 0; trial < 20; trial++) {
            double[] v = new double[1000 + rng.nextInt(100_000)];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.2 + 10 * rng.nextDouble() * rng.nextDouble();
            }
            v[rng.nextInt(v.length)] = 307.4;
            v[rng.nextInt(v.length)] = 0.01;
            double[] given = v.clone();
            Summary s = Summary.of(v);
            assertThat(v).as("the caller's values are left alone").isEqualTo(given);
            assertThat(s.max()).isEqualTo(Arrays.stream(v).max().getAsDouble()).isEqualTo(307.4);
            assertThat(s.min()).isEqualTo(0.01);
            assertThat(s.min()).isLessThanOrEqualTo(s.p50());
            assertThat(s.p50()).isLessThanOrEqualTo(s.p90());
            assertThat(s.p90()).isLessThanOrEqualTo(s.p99());
            assertThat(s.p99()).isLessThan(s.max());
        }
    }
}
