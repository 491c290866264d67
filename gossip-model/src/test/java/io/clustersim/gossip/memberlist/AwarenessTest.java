package io.clustersim.gossip.memberlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lifeguard local health (memberlist awareness.go, state.go probeNode). */
class AwarenessTest {

    @Test
    void score_isClampedTo0AndMaxMinusOne() {
        Awareness a = new Awareness(8);
        a.applyDelta(-3);
        assertThat(a.score()).isZero();
        a.applyDelta(3);
        a.applyDelta(3);
        a.applyDelta(3);
        assertThat(a.score()).isEqualTo(7);
        a.applyDelta(-1);
        assertThat(a.score()).isEqualTo(6);
    }

    @Test
    void timeout_scalesWithScorePlusOne_upToMaxMultiplier() {
        Awareness a = new Awareness(8);
        assertThat(a.scaleTimeout(1_000)).isEqualTo(1_000);
        a.applyDelta(100);
        // The largest window is 8x: WAN 5 s probes stretch to 40 s.
        assertThat(a.scaleTimeout(5_000_000_000L)).isEqualTo(40_000_000_000L);
    }

    @Test
    void maxOfOne_disablesAwareness() {
        Awareness a = new Awareness(1);
        a.applyDelta(5);
        assertThat(a.score()).isZero();
        assertThat(a.scaleTimeout(7)).isEqualTo(7);
    }
}
