package io.clustersim.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void when_fiveValuesAreGiven_then_theIntervalIsStudentsTByHand() {
        // mean 3, s = sqrt(2.5) = 1.5811, t(0.975, 4) = 2.7764: 3 +/- 2.7764 * 1.5811 / sqrt(5) = 3 +/- 1.9632
        Interval i = Interval.of(new double[] {1, 2, 3, 4, 5});
        assertThat(i.n()).isEqualTo(5);
        assertThat(i.mean()).isEqualTo(3.0);
        assertThat(i.stddev()).isCloseTo(1.58114, within(1e-5));
        assertThat(i.low()).isCloseTo(1.03676, within(1e-4));
        assertThat(i.high()).isCloseTo(4.96324, within(1e-4));
        assertThat(i.min()).isEqualTo(1.0);
        assertThat(i.max()).isEqualTo(5.0);
    }

    @Test
    void when_intervalsOfANormalSampleAreDrawnManyTimes_then_theyCoverTheMeanAtTheNominalRate() {
        SplittableRandom rng = new SplittableRandom(7);
        int covered = 0;
        int trials = 4000;
        for (int t = 0; t < trials; t++) {
            double[] xs = new double[8];
            for (int k = 0; k < xs.length; k++) {
                // Box-Muller: a standard normal sample, mean 10, sd 3.
                double u = 1 - rng.nextDouble();
                double v = rng.nextDouble();
                xs[k] = 10 + 3 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            }
            if (Interval.of(xs).contains(10)) {
                covered++;
            }
        }
        // 95% nominal; 4000 trials give a standard error of about 0.35%.
        assertThat(covered / (double) trials).isBetween(0.94, 0.96);
    }

    @Test
    void when_oneRunOrNoneIsGiven_then_thereIsNoInterval() {
        Interval one = Interval.of(new double[] {0.99});
        assertThat(one.mean()).isEqualTo(0.99);
        assertThat(one.low()).isNaN();
        assertThat(Interval.of(new double[0]).mean()).isNaN();
    }

    @Test
    void when_availabilityIsExpressedAsNinesAndDowntime_then_threeNinesIsFortyThreeMinutesAMonth() {
        assertThat(Interval.nines(0.999)).isCloseTo(3.0, within(1e-9));
        assertThat(Interval.downtimeMinutesPerMonth(0.999)).isCloseTo(43.2, within(1e-9));
        assertThat(Interval.nines(1.0)).isInfinite();
    }
}
