package io.clustersim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.scenarios.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    private static final String BASE = "name: s\nduration: 1m\n" + Topologies.THREE_AZS;

    private static List<ScenarioReader.Variant> variants(Path dir, String sweep) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), BASE + sweep);
        return new ScenarioReader().readVariants(f);
    }

    @Test
    void when_twoAxesAreSwept_then_everyCombinationIsAScenarioFirstKeySlowest(@TempDir Path dir) throws Exception {
        List<ScenarioReader.Variant> v = variants(dir, """
                sweep:
                  topology.regions[0].datacenters[0].zones[0].servers: [1, 3]
                  raft.multiplier: [1, 2, 5]
                """);
        assertThat(v).extracting(ScenarioReader.Variant::label).containsExactly("servers=1, multiplier=1", "servers=1, multiplier=2",
                "servers=1, multiplier=5", "servers=3, multiplier=1", "servers=3, multiplier=2", "servers=3, multiplier=5");
        assertThat(v.get(3).scenario().topology().totalServers()).isEqualTo(5);
        // raft: was absent; the sweep made it, and multiplier 5 scales the heartbeat timeout to 5 s.
        assertThat(v.get(2).scenario().raft().timing()).isNotEqualTo(v.get(0).scenario().raft().timing());
    }

    @Test
    void when_thereIsNoSweep_then_thereIsOneUnlabelledVariant(@TempDir Path dir) throws Exception {
        List<ScenarioReader.Variant> v = variants(dir, "");
        assertThat(v).singleElement().satisfies(x -> assertThat(x.label()).isEmpty());
    }

    @Test
    void when_aKeyPathIsWrongOrAValueInvalid_then_theErrorNamesTheSweepEntry(@TempDir Path dir) throws Exception {
        try {
            variants(dir, "sweep:\n  topology.regions[3].name: [x]\n");
            throw new AssertionError("expected an error");
        } catch (InputError e) {
            assertThat(e.getMessage()).contains("s.yaml:13:").contains("names an item that is not there");
        }
        try {
            variants(dir, "sweep:\n  topology.regions[0].datacenters[0].zones[0].servers: [two]\n");
            throw new AssertionError("expected an error");
        } catch (InputError e) {
            assertThat(e.getMessage()).contains("s.yaml:13:").contains("expected the number of servers");
        }
    }
}
