package io.clustersim.benchmarks.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clustersim.benchmarks.raft.Figure16Benchmark.Lan;
import io.clustersim.benchmarks.raft.Figure16Benchmark.Range;
import io.clustersim.benchmarks.raft.Figure16Benchmark.Result;
import io.clustersim.benchmarks.raft.Figure16Benchmark.Trial;
import org.junit.jupiter.api.Test;

/**
 * The Raft paper's Figure 16 on ClusterSim's custom (paper and LogCabin) profile must stay close to
 * the published measurements: this is what caught the election-timer deviation, so it runs in the
 * normal test command. Simulated time only; nothing here is timed on the wall clock.
 */
class Figure16BenchmarkTest {
    static Range range(int min, int max) {
        return Figure16Benchmark.RANGES.stream().filter(r -> r.minMs() == min && r.maxMs() == max).findFirst().orElseThrow();
    }

    @Test
    void when_aTrialRunsTwice_then_itGivesTheSameResult() {
        Trial a = Figure16Benchmark.trial(range(150, 300), 7);
        assertThat(Figure16Benchmark.trial(range(150, 300), 7)).isEqualTo(a);
        assertThat(a.downtimeMs()).isBetween(75.0, 700.0);
    }

    @Test
    void when_theWiderRangesRunAThousandTrials_then_mediansAndP90LieWithin25PercentOfThePaper() {
        for (Range r : new Range[] {range(150, 175), range(150, 200), range(150, 300), range(25, 50), range(50, 100),
                range(100, 200)}) {
            Result x = Figure16Benchmark.run(r, 1000, Lan.DEFAULT);
            assertThat(x.gaveUp()).as(r.label()).isZero();
            assertThat(x.median()).as("%s median", r.label()).isCloseTo(r.paperMedian(), within(0.25 * r.paperMedian()));
            assertThat(x.p90()).as("%s p90", r.label()).isCloseTo(r.paperP90(), within(0.25 * r.paperP90()));
        }
    }

    @Test
    void when_theStaleServersCampaign_then_onlyTheUpToDateOnesWin() {
        // Two of the four survivors are behind: a stale candidate is refused by the up-to-date
        // ones, so it takes at least one more term than the winning round in about half the trials.
        Result x = Figure16Benchmark.run(range(150, 300), 200, Lan.DEFAULT);
        assertThat(x.meanTerms()).isBetween(1.3, 2.0);
        // And the smallest possible downtime is about half the minimum timeout (the heartbeat interval).
        assertThat(x.median()).isGreaterThan(75);
    }

    @Test
    void when_thereIsNoRandomness_then_splitVotesGoOnForMoreThanTenSeconds() {
        // The paper: with 150-150 ms, elections consistently took more than 10 s.
        Trial t = Figure16Benchmark.trial(range(150, 150), 1);
        assertThat(Double.isNaN(t.downtimeMs()) || t.downtimeMs() > 10_000).isTrue();
    }
}
