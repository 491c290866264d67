package io.clustersim.scenarios.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.yaml.InputError;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterSimTest {
    private static ScenarioBuilder threeAzs() {
        return ClusterSim.builder("three-azs").duration("5m").seed(3)
                .zone("us-east", "us-east-1a", 1, 2).zone("us-east", "us-east-1b", 1, 2).zone("us-east", "us-east-1c", 1, 2);
    }

    @Test
    void when_aBuiltScenarioLosesItsLeader_then_theTypedResultsSayWhatHappened() {
        Scenario s = threeAzs().failure("{ at: 2m, crash: leader, for: 1m }").build();
        Results r = ClusterSim.run(s);
        assertThat(r.leaderChanges()).isEqualTo(1);
        assertThat(r.committedWritesLost()).isZero();
        assertThat(r.timeToRecoverSeconds()).hasSize(1);
        assertThat(r.writeAvailability()).isBetween(0.9, 1.0);
        assertThat(r.writesRecoveredWithin(Duration.ofSeconds(20))).isTrue();
        assertThat(r.writesRecoveredWithin(Duration.ofMillis(500))).isFalse();
        assertThat(ClusterSim.run(s).traceHash()).isEqualTo(r.traceHash());
    }

    @Test
    void when_aFileOrAStringIsLoaded_then_itIsTheSameScenarioAsTheBuilderWrites() {
        ScenarioBuilder b = threeAzs();
        Scenario fromString = ClusterSim.parse("s.yaml", b.yaml());
        assertThat(fromString.topology()).isEqualTo(b.build().topology());
        assertThat(ClusterSim.load(Path.of("examples", "leader-loss.yaml")).name()).isEqualTo("leader-loss");
        assertThatThrownBy(() -> threeAzs().failure("{ at: 1m, crash: nobody }").build()).isInstanceOf(InputError.class)
                .hasMessageContaining("unknown target 'nobody'");
    }

    @Test
    void when_aTopologyIsCheckedUnderRandomFaults_then_theReportSaysWhetherItHeld() {
        CheckReport ok = ClusterSim.check(threeAzs().build(), 3, 1);
        assertThat(ok.passed()).as(ok.describe()).isTrue();
        CheckReport broken = ClusterSim.check(threeAzs().section("expect: { maxLeaderChanges: 0 }")
                .failure("{ at: 1m, crash: leader, for: 30s }").build(), 2, 1);
        assertThat(broken.passed()).isFalse();
        assertThat(broken.describe()).contains("at most 0 leader changes").contains("seed: ");
    }
}
