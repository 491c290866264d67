package io.clustersim.benchmarks.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.raft.harness.RaftClusterHarness;
import org.junit.jupiter.api.Test;

/** The throughput benchmark's cluster, outside JMH: it does the work it claims, deterministically. No timing. */
class RaftThroughputBenchmarkTest {

    @Test
    void when_theThroughputClusterRuns_then_itCommitsTheOfferedLoadDeterministically() {
        RaftClusterHarness first = RaftThroughputBenchmark.settled(1);
        long commits = RaftThroughputBenchmark.span(first);
        RaftClusterHarness second = RaftThroughputBenchmark.settled(1);

        assertThat(RaftThroughputBenchmark.span(second)).isEqualTo(commits);
        assertThat(second.world().trace().hashHex()).isEqualTo(first.world().trace().hashHex());
        // 5 clients x 200 writes/s for 10 s offer about 10,000 writes; nearly all commit.
        double offered = RaftThroughputBenchmark.CLIENTS * RaftThroughputBenchmark.WRITES_PER_SECOND_PER_CLIENT
                * RaftThroughputBenchmark.SPAN_SECONDS;
        assertThat((double) commits).isBetween(0.9 * offered, 1.1 * offered);
        assertThat(first.metrics().invariantViolations()).isZero();
    }
}
