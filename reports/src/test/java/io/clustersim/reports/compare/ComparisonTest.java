package io.clustersim.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    private static PerRun side(String name, double[] availability, double[] leaderless) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("writeAvailability", availability);
        m.put("leaderlessSeconds", leaderless);
        return new PerRun(name, m);
    }

    @Test
    void when_bsAvailabilityIsClearlyLower_then_itIsSignificantlyWorseAndLowerLeaderlessTimeIsBetter() {
        PerRun a = side("a", new double[] {0.99, 0.991, 0.989, 0.992, 0.990}, new double[] {2.0, 2.2, 1.9, 2.1, 2.0});
        PerRun b = side("b", new double[] {0.95, 0.951, 0.949, 0.952, 0.950}, new double[] {1.0, 1.1, 0.9, 1.0, 1.0});
        List<Comparison.Row> rows = Comparison.of(a, b, 0.05);
        assertThat(rows.get(0).verdict()).isEqualTo("B worse");
        assertThat(rows.get(0).worse()).isTrue();
        assertThat(rows.get(0).difference()).isCloseTo(-0.04, within(1e-9));
        assertThat(rows.get(0).pValue()).isLessThan(1e-6);
        assertThat(rows.get(1).verdict()).isEqualTo("B better");
    }

    @Test
    void when_theSidesOverlapOrDoNotVary_then_thereIsNoVerdictWithoutEvidence() {
        PerRun a = side("a", new double[] {0.99, 0.95, 0.97}, new double[] {0, 0, 0});
        PerRun b = side("b", new double[] {0.96, 0.98, 0.985}, new double[] {0, 0, 0});
        List<Comparison.Row> rows = Comparison.of(a, b, 0.05);
        assertThat(rows).extracting(Comparison.Row::verdict).containsOnly("no significant difference");
        assertThat(rows.get(1).pValue()).isNaN();
        assertThat(Comparison.direction("messagesSent")).isEqualTo(Comparison.Direction.NEUTRAL);
        assertThat(Comparison.direction("committedWritesLost")).isEqualTo(Comparison.Direction.LOWER_IS_BETTER);
    }

    @Test
    void when_runsCsvIsReadBack_then_itsColumnsAreTheMetrics(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "replication,seed,events,traceHash,writeAvailability,leaderChanges\n"
                + "1,42,100,ab,0.98,1\n2,7,120,cd,,2\n");
        PerRun p = PerRun.read(dir.resolve("runs.csv"));
        assertThat(p.values().keySet()).containsExactly("writeAvailability", "leaderChanges");
        assertThat(p.values().get("writeAvailability")[0]).isEqualTo(0.98);
        assertThat(p.values().get("writeAvailability")[1]).isNaN();
        assertThat(p.values().get("leaderChanges")).containsExactly(1, 2);
    }
}
