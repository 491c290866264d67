package io.clustersim.benchmarks.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.benchmarks.gossip.GossipPoolBenchmark.Result;
import io.clustersim.benchmarks.gossip.GossipPoolBenchmark.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The smoke setting of the gossip pool benchmark: it runs, does real work, and is deterministic. No timing. */
class GossipPoolBenchmarkTest {

    @Test
    void when_smokeRunsTwice_then_bothRunsAgreeExactly() {
        Result first = GossipPoolBenchmark.run(GossipPoolBenchmark.SMOKE);
        Result second = GossipPoolBenchmark.run(GossipPoolBenchmark.SMOKE);

        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void when_smokeRuns_then_theHealthyPoolGossipsAndStaysConverged() {
        Result r = GossipPoolBenchmark.run(GossipPoolBenchmark.SMOKE);

        assertThat(r.events()).isPositive();
        assertThat(r.messages()).isPositive();
        // Every member probes once per second: a ping and an ack each, at least.
        assertThat(r.messagesPerMemberPerSecond()).isGreaterThan(1.0);
        assertThat(r.falseFailures()).isZero();
        assertThat(r.converged()).isTrue();
    }

    @Test
    void when_anotherSeedRuns_then_theTraceDiffers() {
        Settings other = new Settings(GossipPoolBenchmark.SMOKE.members(), Duration.ofSeconds(20), 2);
        Settings base = new Settings(GossipPoolBenchmark.SMOKE.members(), Duration.ofSeconds(20), 1);

        assertThat(GossipPoolBenchmark.run(other).traceHash()).isNotEqualTo(GossipPoolBenchmark.run(base).traceHash());
    }

    @Test
    void when_argumentsAreGiven_then_theyOverrideTheDefaults() {
        GossipPoolBenchmark.Cli none = GossipPoolBenchmark.Cli.parse();
        GossipPoolBenchmark.Cli smoke = GossipPoolBenchmark.Cli.parse("--smoke");
        GossipPoolBenchmark.Cli all = GossipPoolBenchmark.Cli.parse("100", "90m", "7", "--runs", "1");

        assertThat(none.settings).isEqualTo(new Settings(1_000, Duration.ofHours(1), 1));
        assertThat(none.runs).isEqualTo(2);
        assertThat(smoke.settings).isEqualTo(new Settings(50, Duration.ofMinutes(2), 1));
        assertThat(all.settings).isEqualTo(new Settings(100, Duration.ofMinutes(90), 7));
        assertThat(all.runs).isEqualTo(1);
        assertThat(GossipPoolBenchmark.parseDuration("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(GossipPoolBenchmark.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> GossipPoolBenchmark.Cli.parse("ten")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GossipPoolBenchmark.parseDuration("1w")).isInstanceOf(IllegalArgumentException.class);
    }
}
