package io.clustersim.gossip.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clustersim.gossip.config.ProbeTargets;
import org.junit.jupiter.api.Test;

class FirstProbeExperimentTest {
    @Test
    void when_theFormulaIsEvaluated_then_itGivesTheSwimPapersFigures() {
        assertThat(FirstProbeExperiment.expectedPeriods(5)).isCloseTo(1.463, within(0.0005));
        assertThat(FirstProbeExperiment.expectedPeriods(10)).isCloseTo(1.530, within(0.0005));
        assertThat(FirstProbeExperiment.expectedPeriods(100)).isCloseTo(1.577, within(0.0005));
    }

    @Test
    void when_membersProbeRandomTargets_then_theMeanPeriodsToFirstProbeMatchSwim() {
        // 99% intervals; the trial counts keep this test to a few seconds.
        for (int[] c : new int[][] {{5, 3000}, {10, 2000}, {100, 400}}) {
            FirstProbeExperiment.Estimate e = FirstProbeExperiment.estimate(c[0], c[1], 0.99, ProbeTargets.RANDOM);
            assertThat(e.covers(e.expected())).as("n=%d: mean %.3f in [%.3f, %.3f], SWIM %.3f", e.n(), e.mean(), e.low(),
                    e.high(), e.expected()).isTrue();
        }
    }

    @Test
    void when_membersProbeRoundRobin_then_aFailureIsProbedWithinTwoRoundsAtWorst() {
        // memberlist's shuffled round-robin bounds the wait, which random targets do not: each
        // survivor reaches the victim within its current round or the next (a reshuffle may put it
        // last), so within 2(n-1) periods. Its mean is no better than SWIM's: each round still
        // holds one probe of the victim per survivor, and reshuffles lengthen the gaps.
        for (long seed = 1; seed <= 200; seed++) {
            assertThat(FirstProbeExperiment.trial(10, seed, ProbeTargets.ROUND_ROBIN)).isBetween(1, 18);
        }
    }
}
