package io.clustersim.model.server.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The leader's TTLs against nomad's heartbeat.go and the docs' "Client Heartbeats" table. */
class HeartbeatTtlTest {
    static final long S = 1_000_000_000L;

    @ParameterizedTest(name = "{0} clients: client TTL {1}-{2} s")
    @CsvSource({"1, 10, 20", "100, 10, 20", "1000, 20, 40", "5000, 100, 200", "10000, 200, 400"})
    void when_theLeaderHoldsNTimers_then_theTtlIsInTheDocsRange(int n, long low, long high) {
        HeartbeatSettings d = HeartbeatSettings.defaults();
        assertThat(HeartbeatTtl.rateScaledIntervalNanos(d.maxHeartbeatsPerSecond(), d.minHeartbeatTtl().toNanos(), n))
                .isEqualTo(low * S);
        var random = RandomSource.XO_RO_SHI_RO_128_PP.create(n);
        IntStream.range(0, 10_000).forEach(i -> assertThat(HeartbeatTtl.ttlNanos(d, n, random))
                .isGreaterThanOrEqualTo(low * S).isLessThan(high * S));
    }

    @Test
    void when_theStaggerIsDrawnOften_then_itCoversTheWholeRangeAndNothingElse() {
        var random = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 100_000; i++) {
            long s = HeartbeatTtl.randomStaggerNanos(10 * S, random);
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertThat(min).isGreaterThanOrEqualTo(0).isLessThan(S / 100);
        assertThat(max).isLessThan(10 * S).isGreaterThan(10 * S - S / 100);
        assertThat(HeartbeatTtl.randomStaggerNanos(0, random)).isZero();
    }

    @Test
    void when_theRateIsBelowOneADay_then_theMinimumTtlIsUsed() {
        assertThat(HeartbeatTtl.rateScaledIntervalNanos(1.0 / 100_000, 10 * S, 1_000_000)).isEqualTo(10 * S);
        assertThat(HeartbeatTtl.rateScaledIntervalNanos(100, 10 * S, 5000)).isEqualTo(50 * S);
    }

    @Test
    void nomadsDefaults() {
        HeartbeatSettings d = HeartbeatSettings.defaults();
        assertThat(d.minHeartbeatTtl()).hasSeconds(10);
        assertThat(d.maxHeartbeatsPerSecond()).isEqualTo(50.0);
        assertThat(d.heartbeatGrace()).hasSeconds(10);
        assertThat(d.failoverHeartbeatTtl()).hasMinutes(5);
        assertThat(d.nodeGcThreshold()).hasHours(24);
        assertThat(d.nodeGcInterval()).hasMinutes(5);
    }
}
