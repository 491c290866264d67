package io.clustersim.model.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The client's retry after a failed heartbeat, against nomad client.go getHeartbeatRetryIntv. */
class HeartbeatRetryTest {
    static final long S = 1_000_000_000L;
    final UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(5);

    long retry(long now, long lastOk, long ttl, boolean heartbeated, boolean noLeader) {
        return HeartbeatRetry.intervalNanos(now, lastOk, ttl, heartbeated, noLeader, random);
    }

    void allBetween(long low, long high, java.util.function.LongSupplier draw) {
        for (int i = 0; i < 2000; i++) {
            assertThat(draw.getAsLong()).isGreaterThanOrEqualTo(low).isLessThan(high);
        }
    }

    @Test
    void when_neverHeartbeatedOrNoLeader_then_itRetriesLikeARegistration() {
        allBetween(15 * S, 30 * S, () -> retry(100 * S, 90 * S, 20 * S, false, false));
        allBetween(15 * S, 30 * S, () -> retry(100 * S, 90 * S, 20 * S, true, true));
    }

    @Test
    void when_muchOfTheTtlIsLeft_then_itRetriesWithinItButAtMost30sOut() {
        // 100 s left: stagger in [0, 100 s); above 30 s it becomes 25 to 30 s.
        allBetween(S, 30 * S, () -> retry(0, 0, 100 * S, true, false));
        // 5 s left: stagger in [0, 5 s), never under a second.
        allBetween(S, 5 * S, () -> retry(0, 0, 5 * S, true, false));
    }

    @Test
    void when_theTtlRanOutLately_then_itRetriesWithinOneToTwoSeconds() {
        allBetween(S, 2 * S, () -> retry(25 * S, 0, 20 * S, true, false)); // 5 s overdue
        allBetween(S, 2 * S, () -> retry(50 * S, 0, 20 * S, true, false)); // 30 s overdue
    }

    @Test
    void when_longOverdue_then_theOverdueTimeDrivesTheStaggerClampedTo30s() {
        // 100 s overdue: stagger in [0, 100 s), clamped to [1, 2) below 1 s and [25, 30) above 30 s.
        boolean sawClampHigh = false;
        for (int i = 0; i < 2000; i++) {
            long r = retry(120 * S, 0, 20 * S, true, false);
            assertThat(r).isGreaterThanOrEqualTo(S).isLessThan(30 * S);
            sawClampHigh |= r >= 25 * S;
        }
        assertThat(sawClampHigh).isTrue();
    }
}
