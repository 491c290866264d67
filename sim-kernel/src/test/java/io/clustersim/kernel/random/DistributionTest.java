package io.clustersim.kernel.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionTest {
    private static final int N = 20_000;
    /** With a fixed seed the p-value is a fixed number; this only has to sit clear of it. */
    private static final double ALPHA = 0.001;

    private static double[] sample(Distribution d, String stream) {
        Sampler s = d.sampler(RandomStreams.root(1234).stream("dist").stream(stream).rng());
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = s.sample();
        }
        return x;
    }

    private static double pValue(double[] x, Distribution d) {
        return KolmogorovSmirnovTest.withDefaults().test(x, d::cdf).getPValue();
    }

    private static double sampleQuantile(double[] x, double p) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(p * (sorted.length - 1))];
    }

    private static double sampleMean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static Stream<Arguments> continuous() {
        return Stream.of(
                Arguments.of("uniform", new Distribution.Uniform(1_000_000, 50_000_000)),
                Arguments.of("exponential", new Distribution.Exponential(5_000_000)),
                Arguments.of("normal", new Distribution.Normal(10_000_000, 2_000_000)),
                Arguments.of("lognormal", new Distribution.LogNormal(Math.log(1_000_000), 0.8)),
                Arguments.of("lognormal-p99", Distribution.LogNormal.ofMedianAndP99(1_000_000, 10_000_000)),
                Arguments.of("weibull-wearout", new Distribution.Weibull(1.5, 3_600e9)),
                Arguments.of("weibull-infant", new Distribution.Weibull(0.7, 100)),
                Arguments.of("empirical", EmpiricalDistribution.ofPercentiles(Map.of(50.0, 1e6, 90.0, 3e6, 99.0, 12e6))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuous")
    void when_drawingFromFixedSeed_then_samplesFitTheDistributionsOwnCdf(String name, Distribution d) {
        double[] x = sample(d, name);

        assertThat(pValue(x, d)).as("KS p-value for %s", d).isGreaterThan(ALPHA);
        assertThat(sampleMean(x)).as("mean of %s", d).isCloseTo(d.mean(), withinPercentage(3));
    }

    @Test
    void when_samplesComeFromAnotherDistribution_then_theKsCheckRejectsThem() {
        // The goodness-of-fit assertion above must be able to fail: exponential draws against a
        // lognormal of the same mean, and against an exponential of a 10% larger mean.
        double[] x = sample(new Distribution.Exponential(5_000_000), "power");
        Distribution.LogNormal sameMean = new Distribution.LogNormal(Math.log(5_000_000) - 0.5 * 0.25, 0.5);

        assertThat(pValue(x, sameMean)).isLessThan(ALPHA);
        assertThat(pValue(x, new Distribution.Exponential(5_500_000))).isLessThan(ALPHA);
    }

    @Test
    void when_constant_then_everyDrawIsTheValueAndCdfStepsThere() {
        Distribution.Constant d = new Distribution.Constant(7.5);

        assertThat(sample(d, "constant")).containsOnly(7.5);
        assertThat(d.cdf(7.49)).isZero();
        assertThat(d.cdf(7.5)).isEqualTo(1.0);
        assertThat(d.mean()).isEqualTo(7.5);
    }

    @Test
    void when_uniformHasEqualBounds_then_itBehavesAsAConstant() {
        Distribution.Uniform d = new Distribution.Uniform(3, 3);

        assertThat(sample(d, "degenerate")).containsOnly(3.0);
        assertThat(d.cdf(2.9)).isZero();
        assertThat(d.cdf(3)).isEqualTo(1.0);
    }

    @Test
    void when_uniformSampled_then_drawsStayWithinLowInclusiveHighExclusive() {
        double[] x = sample(new Distribution.Uniform(10, 20), "bounds");

        assertThat(Arrays.stream(x).min().orElseThrow()).isGreaterThanOrEqualTo(10);
        assertThat(Arrays.stream(x).max().orElseThrow()).isLessThan(20);
    }

    @Test
    void when_lognormalGivenMedianAndP99_then_itHasThatMedianAndP99() {
        Distribution.LogNormal d = Distribution.LogNormal.ofMedianAndP99(2_000_000, 25_000_000);

        assertThat(d.cdf(2_000_000)).isCloseTo(0.5, within(1e-9));
        assertThat(d.cdf(25_000_000)).isCloseTo(0.99, within(1e-9));
        double[] x = sample(d, "median-p99");
        assertThat(sampleQuantile(x, 0.5)).isCloseTo(2_000_000, withinPercentage(3));
        assertThat(sampleQuantile(x, 0.99)).isCloseTo(25_000_000, withinPercentage(8));
    }

    @Test
    void when_percentileTableGiven_then_quantileFunctionPassesThroughItsPoints() {
        EmpiricalDistribution d = EmpiricalDistribution.ofPercentiles(Map.of(50.0, 1e6, 90.0, 3e6, 99.0, 12e6));

        assertThat(d.quantile(0.5)).isEqualTo(1e6);
        assertThat(d.quantile(0.9)).isEqualTo(3e6);
        assertThat(d.quantile(0.99)).isEqualTo(12e6);
        assertThat(d.quantile(0.7)).isCloseTo(2e6, within(1e-6));
        // Ends extrapolated from the neighbouring slope; the low end floored at zero.
        assertThat(d.quantile(0)).isZero();
        assertThat(d.quantile(1)).isCloseTo(13e6, within(1e-3));
        for (double u : new double[] {0.01, 0.25, 0.5, 0.8, 0.95, 0.995}) {
            assertThat(d.cdf(d.quantile(u))).as("cdf(quantile(%s))", u).isCloseTo(u, within(1e-12));
        }
    }

    @Test
    void when_percentileTableSampled_then_sampleQuantilesMatchTheTable() {
        EmpiricalDistribution d = EmpiricalDistribution.ofPercentiles(Map.of(50.0, 1e6, 90.0, 3e6, 99.0, 12e6));
        double[] x = sample(d, "empirical-quantiles");

        assertThat(sampleQuantile(x, 0.50)).isCloseTo(1e6, withinPercentage(4));
        assertThat(sampleQuantile(x, 0.90)).isCloseTo(3e6, withinPercentage(4));
        assertThat(sampleQuantile(x, 0.99)).isCloseTo(12e6, withinPercentage(4));
        assertThat(Arrays.stream(x).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(x).max().orElseThrow()).isLessThanOrEqualTo(13e6);
    }

    @Test
    void when_percentileTableHasAPointMass_then_cdfJumpsOverIt() {
        EmpiricalDistribution d = EmpiricalDistribution.ofPercentiles(Map.of(0.0, 0.0, 40.0, 5.0, 60.0, 5.0, 100.0, 10.0));

        assertThat(d.cdf(4.999)).isCloseTo(0.4, within(1e-3));
        assertThat(d.cdf(5.0)).isEqualTo(0.6);
        assertThat(d.quantile(0.5)).isEqualTo(5.0);
    }

    @Test
    void when_percentileTableHasNegativeValues_then_lowEndIsExtrapolatedWithoutTheZeroFloor() {
        // A clock-offset table: values are not durations, so the zero floor must not apply.
        EmpiricalDistribution d = EmpiricalDistribution.ofPercentiles(Map.of(10.0, -5.0, 90.0, 5.0));

        assertThat(d.quantile(0)).isCloseTo(-6.25, within(1e-12));
        assertThat(d.quantile(1)).isCloseTo(6.25, within(1e-12));
        assertThat(d.mean()).isCloseTo(0, within(1e-12));
    }

    @Test
    void when_durationSampledAsNanos_then_itIsRoundedAndNeverNegative() {
        Sampler negative = () -> -3.2;
        Sampler fraction = () -> 2.5000001;
        Sampler huge = () -> 1e30;

        assertThat(negative.sampleNanos()).isZero();
        assertThat(fraction.sampleNanos()).isEqualTo(3);
        assertThat(huge.sampleNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(((Sampler) () -> Double.NaN).sampleNanos()).isZero();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("uniform high < low", (Executable) () -> new Distribution.Uniform(2, 1)),
                Arguments.of("exponential mean 0", (Executable) () -> new Distribution.Exponential(0)),
                Arguments.of("exponential mean < 0", (Executable) () -> new Distribution.Exponential(-1)),
                Arguments.of("normal stddev 0", (Executable) () -> new Distribution.Normal(1, 0)),
                Arguments.of("normal stddev NaN", (Executable) () -> new Distribution.Normal(1, Double.NaN)),
                Arguments.of("lognormal sigma 0", (Executable) () -> new Distribution.LogNormal(0, 0)),
                Arguments.of("lognormal p99 < median", (Executable) () -> Distribution.LogNormal.ofMedianAndP99(10, 5)),
                Arguments.of("lognormal median 0", (Executable) () -> Distribution.LogNormal.ofMedianAndP99(0, 5)),
                Arguments.of("weibull shape 0", (Executable) () -> new Distribution.Weibull(0, 1)),
                Arguments.of("weibull scale < 0", (Executable) () -> new Distribution.Weibull(1, -1)),
                Arguments.of("empirical one point", (Executable) () -> EmpiricalDistribution.ofPercentiles(Map.of(50.0, 1.0))),
                Arguments.of("empirical p > 100", (Executable) () -> EmpiricalDistribution.ofPercentiles(Map.of(50.0, 1.0, 101.0, 2.0))),
                Arguments.of("empirical p < 0", (Executable) () -> EmpiricalDistribution.ofPercentiles(Map.of(-1.0, 1.0, 50.0, 2.0))),
                Arguments.of("empirical decreasing", (Executable) () -> EmpiricalDistribution.ofPercentiles(Map.of(50.0, 2.0, 90.0, 1.0))),
                Arguments.of("empirical raw not spanning 0..1",
                        (Executable) () -> new EmpiricalDistribution(new double[] {0.1, 1}, new double[] {1, 2})),
                Arguments.of("empirical raw lengths differ",
                        (Executable) () -> new EmpiricalDistribution(new double[] {0, 0.5, 1}, new double[] {1, 2})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void when_parametersInvalid_then_constructionThrowsIllegalArgument(String name, Executable construction) {
        assertThatThrownBy(construction::execute).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_empiricalBuiltFromArrays_then_laterChangesToThoseArraysDoNotAffectIt() {
        double[] p = {0, 0.5, 1};
        double[] v = {0, 10, 20};
        EmpiricalDistribution d = new EmpiricalDistribution(p, v);
        v[1] = 1_000;

        assertThat(d.quantile(0.5)).isEqualTo(10);
        assertThat(d).isEqualTo(new EmpiricalDistribution(new double[] {0, 0.5, 1}, new double[] {0, 10, 20}));
    }
}
