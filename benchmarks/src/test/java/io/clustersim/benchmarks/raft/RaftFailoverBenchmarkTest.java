package io.clustersim.benchmarks.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.benchmarks.raft.RaftFailoverBenchmark.Outcome;
import io.clustersim.benchmarks.raft.RaftFailoverBenchmark.Sample;
import io.clustersim.benchmarks.raft.RaftFailoverBenchmark.Summary;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failover benchmark on a few seeds: deterministic, and failover within hashicorp's bounds. No timing. */
class RaftFailoverBenchmarkTest {
    static final TimingProfile.Hashicorp TIMING = (TimingProfile.Hashicorp) RaftConfig.hashicorp().timing();
    static final double HT = TIMING.heartbeatTimeoutNanos() / 1e9;
    static final double ET = TIMING.electionTimeoutNanos() / 1e9;

    @Test
    void when_aSeedRunsTwice_then_itGivesTheSameSample() {
        Sample first = RaftFailoverBenchmark.sample(3, 11);
        Sample second = RaftFailoverBenchmark.sample(3, 11);

        assertThat(first.outcome()).isEqualTo(Outcome.RECOVERED);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void when_leadersCrash_then_failoverLiesWithinHashicorpBounds() {
        // A follower campaigns once it has had no contact for HT, checking every [HT, 2HT): detection
        // takes [HT, 3HT) after the last contact, which the leader's heartbeats ([HT/10, HT/5)) and
        // 20 writes/s keep at most HT/5 before the crash. A split vote costs another randomTimeout(ET)
        // = [ET, 2ET) per round; allow two such rounds, plus round trips and fsyncs.
        double lower = HT - HT / 5;
        double upper = 3 * HT + 2 * (2 * ET) + 0.1;
        for (int servers : List.of(3, 5)) {
            for (long seed = 1; seed <= 10; seed++) {
                Sample s = RaftFailoverBenchmark.sample(servers, seed);

                assertThat(s.outcome()).as("%d servers, seed %d", servers, seed).isEqualTo(Outcome.RECOVERED);
                assertThat(s.seconds()).as("%d servers, seed %d", servers, seed).isBetween(lower, upper);
                assertThat(s.newLeader()).isPresent().isNotEqualTo(s.crashed());
            }
        }
    }

    @Test
    void when_aSizeIsSummarised_then_percentilesAreOrderedSamples() {
        Summary s = RaftFailoverBenchmark.run(3, 5);

        assertThat(s.seeds()).isEqualTo(5);
        assertThat(s.recovered()).isEqualTo(5);
        assertThat(s.p50()).isLessThanOrEqualTo(s.p90());
        assertThat(s.p90()).isLessThanOrEqualTo(s.p99());
        assertThat(s.p99()).isLessThanOrEqualTo(s.max());
        assertThat(s.mean()).isBetween(HT - HT / 5, s.max());
    }

    @Test
    void when_percentilesAreTaken_then_theyUseNearestRank() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(RaftFailoverBenchmark.percentile(hundred, 0.50)).isEqualTo(50);
        assertThat(RaftFailoverBenchmark.percentile(hundred, 0.99)).isEqualTo(99);
        assertThat(RaftFailoverBenchmark.percentile(new double[] {7}, 0.99)).isEqualTo(7);
        assertThat(RaftFailoverBenchmark.percentile(new double[0], 0.5)).isNaN();
    }

    @Test
    void when_argumentsAreGiven_then_theyOverrideTheDefaults() {
        RaftFailoverBenchmark.Cli none = RaftFailoverBenchmark.Cli.parse();
        RaftFailoverBenchmark.Cli both = RaftFailoverBenchmark.Cli.parse("50", "3, 9");

        assertThat(none.seeds).isEqualTo(1000);
        assertThat(none.sizes).containsExactly(3, 5, 7);
        assertThat(both.seeds).isEqualTo(50);
        assertThat(both.sizes).containsExactly(3, 9);
        assertThatThrownBy(() -> RaftFailoverBenchmark.Cli.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RaftFailoverBenchmark.Cli.parse("10", "3,x")).isInstanceOf(IllegalArgumentException.class);
    }
}
