package io.clustersim.raft.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SplitVoteExperimentTest {
    @Test
    void when_closedFormIsEvaluated_then_itMatchesTheThesisExamples() {
        // Thesis section 9.2: five servers, one failed, a 100 ms range: 1 ms, 10 ms and 20 ms of
        // one-way latency give about 0.06%, 5.2% and 18.1% split votes.
        assertThat(SplitVoteExperiment.closedForm(5, 4, 0.01)).isCloseTo(0.00059, within(0.00001));
        assertThat(SplitVoteExperiment.closedForm(5, 4, 0.1)).isCloseTo(0.0523, within(0.0001));
        assertThat(SplitVoteExperiment.closedForm(5, 4, 0.2)).isCloseTo(0.1808, within(0.0001));
    }

    @Test
    void when_100000TrialsRunTheVoteLogic_then_theSplitRateMatchesTheClosedFormToThreeDecimals() {
        for (int n : new int[] {3, 5, 7, 9}) {
            int s = n - 1; // the leader has failed
            for (double l : new double[] {0.1, 0.2}) {
                double measured = SplitVoteExperiment.measure(n, s, l, 100_000);
                double expected = SplitVoteExperiment.closedForm(n, s, l);
                assertThat(measured).as("n=%d s=%d l=%.2f", n, s, l).isCloseTo(expected, within(0.0005));
            }
        }
    }
}
