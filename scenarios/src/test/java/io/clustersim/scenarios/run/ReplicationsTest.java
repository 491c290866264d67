package io.clustersim.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.schema.Scenario;
import io.clustersim.scenarios.schema.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationsTest {
    private static final Scenario LEADER_LOSS = new ScenarioReader().read(Path.of("examples", "leader-loss.yaml"));

    @Test
    void when_replicationsRunOnOneOrTwoThreads_then_theRunsAndTheirOrderAreTheSame() {
        Scenario s = LEADER_LOSS.withReplications(6);
        List<String> one = Replications.run(s, 1, (d, n) -> {}).stream().map(RunResult::traceHash).toList();
        List<String> two = Replications.run(s, 2, (d, n) -> {}).stream().map(RunResult::traceHash).toList();
        assertThat(two).isEqualTo(one).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void when_seedsAreDerived_then_theFirstIsTheScenariosOwnAndTheRestDiffer() {
        assertThat(Replications.seed(42, 0)).isEqualTo(42);
        assertThat(List.of(Replications.seed(42, 1), Replications.seed(42, 2), Replications.seed(43, 1))).doesNotHaveDuplicates()
                .doesNotContain(42L, 43L);
        RunResult first = Replications.run(LEADER_LOSS.withReplications(2), 1, (d, n) -> {}).get(0);
        assertThat(first.traceHash()).isEqualTo(new ScenarioRunner().run(LEADER_LOSS, null).traceHash());
    }
}
