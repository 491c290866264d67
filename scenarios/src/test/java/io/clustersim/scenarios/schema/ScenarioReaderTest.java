package io.clustersim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.scenarios.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    private static final String VALID = """
            name: t
            seed: 7
            duration: 90s
            topology:
              regions:
                - name: r1
                  datacenters:
                    - name: dc1
                      zones:
                        - { name: a, servers: 1, clients: 2 }
                        - { name: b, servers: 2 }
            network:
              latency:
                crossZone: { constant: 2ms }
              overrides:
                - { between: [a, b], latency: { uniform: [1ms, 3ms] } }
            """;

    private final ScenarioReader reader = new ScenarioReader();

    private InputError error(String yaml) {
        try {
            reader.read("s.yaml", yaml);
        } catch (InputError e) {
            return e;
        }
        throw new AssertionError("expected an input error for:\n" + yaml);
    }

    @Test
    void when_scenarioIsValid_then_everyFieldIsResolved() {
        Scenario s = reader.read("s.yaml", VALID);
        assertThat(s.name()).isEqualTo("t");
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.durationNanos()).isEqualTo(90_000_000_000L);
        assertThat(s.topology().totalServers()).isEqualTo(3);
        assertThat(s.topology().totalClients()).isEqualTo(2);
        assertThat(s.network().linkClasses().get(LinkClass.CROSS_ZONE).latencyNanos()).isEqualTo(new Distribution.Constant(2_000_000));
        assertThat(s.network().overrides()).hasSize(1);
    }

    @Test
    void when_exampleFilesAreRead_then_theyAreValid() throws Exception {
        try (var files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                assertThat(reader.read(f).name()).as(f.toString()).isNotBlank();
            }
        }
    }

    @Test
    void when_fileIsMissing_then_errorNamesTheFile() {
        assertThatThrownBy(() -> reader.read(Path.of("does-not-exist.yaml")))
                .isInstanceOf(InputError.class)
                .hasMessage("does-not-exist.yaml: no such file");
    }

    @Test
    void when_yamlIsMalformed_then_errorHasLineAndColumn() {
        InputError e = error("name: t\ntopology: [a, b\n");
        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.getMessage()).startsWith("s.yaml:").contains("YAML syntax error");
    }

    @Test
    void when_keyIsUnknown_then_errorNamesItsPathAndTheAllowedKeys() {
        InputError e = error(VALID.replace("seed: 7", "seed: 7\nsed: 8"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.path()).isEqualTo("sed");
        assertThat(e.problem()).contains("unknown key 'sed'").contains("seed");
    }

    @Test
    void when_nestedKeyIsUnknown_then_pathIsFull() {
        InputError e = error(VALID.replace("{ name: b, servers: 2 }", "{ name: b, servers: 2, cpus: 4 }"));
        assertThat(e.path()).isEqualTo("topology.regions[0].datacenters[0].zones[1].cpus");
        assertThat(e.line()).isEqualTo(11);
    }

    @Test
    void when_typeIsWrong_then_errorSaysWhatWasExpected() {
        InputError e = error(VALID.replace("servers: 2 }", "servers: two }"));
        assertThat(e.path()).isEqualTo("topology.regions[0].datacenters[0].zones[1].servers");
        assertThat(e.problem()).contains("integer").contains("'two'");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.column()).isGreaterThan(1);
    }

    @Test
    void when_durationIsNegative_then_rejected() {
        InputError e = error(VALID.replace("duration: 90s", "duration: -90s"));
        assertThat(e.path()).isEqualTo("duration");
        assertThat(e.problem()).contains("negative");
    }

    @Test
    void when_durationIsMalformed_then_rejectedWithTheAcceptedForm() {
        assertThat(error(VALID.replace("duration: 90s", "duration: 90 seconds")).problem()).contains("150ms");
        assertThat(error(VALID.replace("duration: 90s", "duration: 90")).problem()).contains("unit");
    }

    @Test
    void when_overrideNamesUnknownZone_then_errorListsKnownPlaces() {
        InputError e = error(VALID.replace("between: [a, b]", "between: [a, zz]"));
        assertThat(e.path()).isEqualTo("network.overrides[0].between[1]");
        assertThat(e.problem()).contains("unknown zone").contains("'zz'").contains("a, b");
    }

    @Test
    void when_requiredKeyIsMissing_then_errorNamesIt() {
        InputError e = error("name: t\nduration: 1s\n");
        assertThat(e.problem()).contains("missing required key 'topology'");
    }

    @Test
    void when_namesRepeat_then_rejected() {
        InputError e = error(VALID.replace("name: b,", "name: a,"));
        assertThat(e.problem()).contains("used twice");
    }

    @Test
    void when_yamlUsesAliases_then_rejectedWithoutExpansion() {
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                """;
        assertThat(error(bomb).problem()).contains("anchors and aliases");
    }

    @Test
    void when_yamlNestsTooDeep_then_rejected() {
        String deep = "name: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertThat(error(deep).getMessage()).containsAnyOf("nesting", "depth");
    }

    @Test
    void when_yamlHasTypeTags_then_rejected() {
        InputError e = error("name: !!javax.script.ScriptEngineManager [x]\n");
        assertThat(e.problem()).contains("type tags");
    }

    @Test
    void when_fileIsHuge_then_rejectedBeforeParsing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, "# " + "x".repeat(2 << 20) + "\n");
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(InputError.class).hasMessageContaining("larger than the limit");
    }

    @Test
    void when_distributionKindIsUnknown_then_errorListsTheKinds() {
        InputError e = error(VALID.replace("{ constant: 2ms }", "{ gamma: { k: 2 } }"));
        assertThat(e.problem()).contains("unknown distribution 'gamma'").contains("lognormal");
    }

    @Test
    void when_latencyUsesEveryDistributionForm_then_allParse() {
        for (String d : new String[] {"3ms", "{ exponential: { mean: 2ms } }", "{ normal: { mean: 70ms, stddev: 5ms } }",
            "{ lognormal: { median: 1ms, p99: 4ms } }", "{ lognormal: { median: 1ms, sigma: 0.5 } }",
            "{ weibull: { shape: 1.5, scale: 2ms } }", "{ percentiles: { p50: 1ms, p90: 3ms, p99: 12ms } }",
            "{ uniform: { min: 1ms, max: 2ms } }"}) {
            Scenario s = reader.read("s.yaml", VALID.replace("{ constant: 2ms }", d));
            assertThat(s.network().linkClasses().get(LinkClass.CROSS_ZONE).latencyNanos().mean()).as(d).isPositive();
        }
    }
}
