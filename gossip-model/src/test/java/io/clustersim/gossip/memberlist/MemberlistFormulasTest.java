package io.clustersim.gossip.memberlist;

import static io.clustersim.gossip.memberlist.MemberlistFormulas.expectedConfirmations;
import static io.clustersim.gossip.memberlist.MemberlistFormulas.pushPullScaleNanos;
import static io.clustersim.gossip.memberlist.MemberlistFormulas.remainingSuspicionNanos;
import static io.clustersim.gossip.memberlist.MemberlistFormulas.retransmitLimit;
import static io.clustersim.gossip.memberlist.MemberlistFormulas.suspicionTimeoutNanos;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The scaling rules against the reference's numbers (memberlist state.go, awareness.go, util.go; memberlist suspicion.go, util.go suspicionTimeout). */
class MemberlistFormulasTest {
    private static final long S = 1_000_000_000L;
    private static final long WAN_PROBE = 5 * S;
    private static final long LAN_PROBE = 1 * S;

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    @Test
    void wan_smallPools_expectNoConfirmations_soSuspicionIsA30sFlatTimeout() {
        // memberlist suspicion.go, util.go suspicionTimeout: n <= 5 gives k = 0, so the timer starts (and stays) at min = 30 s.
        for (int n = 1; n <= 5; n++) {
            assertThat(expectedConfirmations(6, n)).as("k for n=%d", n).isZero();
            assertThat(suspicionTimeoutNanos(6, n, WAN_PROBE)).isEqualTo(30 * S);
        }
    }

    @Test
    void wan_sixOrMore_startAt180s_andFallWithConfirmations() {
        // memberlist suspicion.go, util.go suspicionTimeout: n >= 6, k = 4, 180 s falling to about 115 / 78 / 51 / 30 s.
        int n = 6;
        int k = expectedConfirmations(6, n);
        long min = suspicionTimeoutNanos(6, n, WAN_PROBE);
        long max = 6 * min;
        assertThat(k).isEqualTo(4);
        assertThat(min).isEqualTo(30 * S);
        assertThat(max).isEqualTo(180 * S);
        double[] expected = {115.4, 77.6, 50.8, 30.0};
        for (int c = 1; c <= 4; c++) {
            assertThat(seconds(remainingSuspicionNanos(c, k, 0, min, max))).as("after %d confirmations", c)
                    .isCloseTo(expected[c - 1], within(0.05));
        }
    }

    @Test
    void wan_twentyMembers_minIsAbout39s() {
        assertThat(seconds(suspicionTimeoutNanos(6, 20, WAN_PROBE))).isCloseTo(39.0, within(0.05));
    }

    @Test
    void lan_upToTenMembers_min4sMax24s() {
        for (int n = 1; n <= 10; n++) {
            long min = suspicionTimeoutNanos(4, n, LAN_PROBE);
            assertThat(min).isEqualTo(4 * S);
            assertThat(6 * min).isEqualTo(24 * S);
        }
        assertThat(expectedConfirmations(4, 3)).isZero();
        assertThat(expectedConfirmations(4, 4)).isEqualTo(2);
    }

    @Test
    void remainingTime_isFlooredToMillis_atLeastMin_andCountsElapsedTime() {
        long min = 4 * S;
        long max = 24 * S;
        // ln2/ln3 of the way from max to min: 24 - 0.6309 * 20 = 11.3814 s, floored to the ms.
        assertThat(remainingSuspicionNanos(1, 2, 0, min, max)).isEqualTo(11_381_000_000L);
        assertThat(remainingSuspicionNanos(2, 2, 0, min, max)).isEqualTo(min);
        assertThat(remainingSuspicionNanos(2, 2, 3 * S, min, max)).isEqualTo(1 * S);
        assertThat(remainingSuspicionNanos(2, 2, 6 * S, min, max)).isNegative();
    }

    @Test
    void retransmitLimit_growsWithLogOfClusterSize() {
        // RetransmitMult * ceil(log10(n + 1)) (memberlist util.go retransmitLimit).
        assertThat(retransmitLimit(4, 1)).isEqualTo(4);
        assertThat(retransmitLimit(4, 9)).isEqualTo(4);
        assertThat(retransmitLimit(4, 10)).isEqualTo(8);
        assertThat(retransmitLimit(4, 99)).isEqualTo(8);
        assertThat(retransmitLimit(4, 100)).isEqualTo(12);
        assertThat(retransmitLimit(3, 1000)).isEqualTo(12);
    }

    @Test
    void pushPullScale_unchangedUpTo32_thenGrowsWithLog2() {
        long interval = 30 * S;
        assertThat(pushPullScaleNanos(interval, 1)).isEqualTo(interval);
        assertThat(pushPullScaleNanos(interval, 32)).isEqualTo(interval);
        assertThat(pushPullScaleNanos(interval, 33)).isEqualTo(2 * interval);
        assertThat(pushPullScaleNanos(interval, 64)).isEqualTo(2 * interval);
        assertThat(pushPullScaleNanos(interval, 65)).isEqualTo(3 * interval);
        assertThat(pushPullScaleNanos(interval, 128)).isEqualTo(3 * interval);
        assertThat(pushPullScaleNanos(interval, 129)).isEqualTo(4 * interval);
        assertThat(pushPullScaleNanos(interval, 1000)).isEqualTo(6 * interval);
    }
}
