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

    @Test
    void when_raftSectionIsGiven_then_profileAndTimingsAreApplied() {
        Scenario s = reader.read("s.yaml", VALID + "raft: { profile: hashicorp, multiplier: 2, preVote: false }\n");
        var t = (io.clustersim.raft.config.TimingProfile.Hashicorp) s.raft().timing();
        assertThat(t.heartbeatTimeoutNanos()).isEqualTo(2_000_000_000L);
        assertThat(t.preVote()).isFalse();
        Scenario custom = reader.read("s.yaml", VALID + "raft: { profile: custom, electionTimeout: { uniform: [150ms, 300ms] }, heartbeatInterval: 50ms }\n");
        assertThat(custom.raft().timing()).isInstanceOf(io.clustersim.raft.config.TimingProfile.Custom.class);
        Scenario etcd = reader.read("s.yaml", VALID + "raft: { profile: etcd, electionTicks: 20 }\n");
        assertThat(((io.clustersim.raft.config.TimingProfile.Etcd) etcd.raft().timing()).electionTick()).isEqualTo(20);
    }

    @Test
    void when_raftSettingsAreWrong_then_errorsNameTheKey() {
        assertThat(error(VALID + "raft: { profile: zab }\n").problem()).contains("hashicorp, etcd or custom");
        assertThat(error(VALID + "raft: { multiplier: 11 }\n").path()).isEqualTo("raft.multiplier");
        assertThat(error(VALID + "raft: { profile: etcd, multiplier: 2 }\n").problem()).contains("unknown key 'multiplier'");
        // The error points at the key that breaks the rule and names the other key it is checked against.
        InputError lease = error(VALID + "raft: { leaderLeaseTimeout: 2s }\n");
        assertThat(lease.path()).isEqualTo("raft.leaderLeaseTimeout");
        assertThat(lease.problem()).isEqualTo("expected at most heartbeatTimeout (1000ms), got 2000ms");
        InputError hb = error(VALID + "raft: { profile: custom, electionTimeout: { uniform: [150ms, 300ms] }, heartbeatInterval: 200ms }\n");
        assertThat(hb.path()).isEqualTo("raft.heartbeatInterval");
        assertThat(hb.problem()).contains("below the shortest election timeout (150ms)");
        assertThat(error(VALID + "raft: { profile: etcd, heartbeatTicks: 5, electionTicks: 5 }\n").path())
                .isEqualTo("raft.electionTicks");
    }

    @Test
    void when_messageFaultsAreListed_then_kindsAndPlacesAreChecked() {
        Scenario s = reader.read("s.yaml", VALID + """
                failures:
                  - { at: 10s, for: 5s, dropMessages: { kind: "AppendEntries:entries", from: server-1, to: [b] } }
                  - { at: 20s, for: 5s, delayMessages: { kind: RequestVote, by: 50ms } }
                """);
        assertThat(s.failures().get(0).fault()).isEqualTo(new io.clustersim.faults.Fault.Messages("AppendEntries:entries",
                java.util.List.of("server-1"), java.util.List.of("b"), 0));
        assertThat(s.failures().get(1).fault()).isEqualTo(new io.clustersim.faults.Fault.Messages("RequestVote",
                java.util.List.of(), java.util.List.of(), 50_000_000L));
        InputError kind = error(VALID + "failures:\n  - { at: 1s, dropMessages: { kind: Heartbeat } }\n");
        assertThat(kind.path()).isEqualTo("failures[0].dropMessages.kind");
        assertThat(kind.problem()).startsWith("unknown message kind 'Heartbeat'; expected one of:").contains("AppendEntries:entries", "Ping");
        assertThat(error(VALID + "failures:\n  - { at: 1s, delayMessages: { kind: Ping } }\n").problem())
                .contains("missing required key 'by'");
        assertThat(error(VALID + "failures:\n  - { at: 1s, dropMessages: { kind: Ping, to: [mars] } }\n").path())
                .isEqualTo("failures[0].dropMessages.to[0]");
    }

    @Test
    void when_failuresAreListed_then_targetsAndTimesAreResolved() {
        Scenario s = reader.read("s.yaml", VALID + """
                failures:
                  - { at: 10s, crash: leader, for: 5s }
                  - { at: 20s, pause: server-2, for: 1s }
                  - { at: 30s, partition: [[a], [b]], for: 10s }
                  - { at: 40s, restart: server-1 }
                """);
        assertThat(s.failures()).hasSize(4);
        assertThat(s.failures().get(0).fault()).isEqualTo(new io.clustersim.faults.Fault.Crash(new io.clustersim.faults.Target.Leader()));
        assertThat(s.failures().get(0).durationNanos()).isEqualTo(5_000_000_000L);
    }

    @Test
    void when_failureNamesUnknownNodeOrZone_then_rejected() {
        InputError e = error(VALID + "failures:\n  - { at: 10s, crash: server-9 }\n");
        assertThat(e.path()).isEqualTo("failures[0].crash");
        assertThat(e.problem()).contains("unknown target 'server-9'").contains("server-1");
        assertThat(error(VALID + "failures:\n  - { at: 10s, partition: [[a], [zz]] }\n").problem()).contains("'zz'");
        assertThat(error(VALID + "failures:\n  - { at: 10s }\n").problem()).contains("exactly one of");
        assertThat(error(VALID + "failures:\n  - { at: 2m, crash: leader }\n").problem()).contains("after the end");
    }

    @Test
    void when_serfPoolIsGiven_then_membersAreSpreadOverZonesWithLanDefaults() {
        Scenario s = reader.read("s.yaml", """
                name: pool
                duration: 1m
                topology: { serfPool: { members: 7, zones: [a, b, c] } }
                gossip: { probeInterval: 2s, lifeguard: false }
                failures:
                  - { at: 10s, crash: member-7 }
                """);
        assertThat(s.isSerfPool()).isTrue();
        assertThat(s.topology().totalSerfMembers()).isEqualTo(7);
        assertThat(s.topology().regions().get(0).datacenters().get(0).zones()).extracting(z -> z.members()).containsExactly(3, 2, 2);
        assertThat(s.gossip().profile()).isEqualTo("lan");
        assertThat(s.gossip().memberlist().probeInterval()).hasSeconds(2);
        assertThat(s.gossip().memberlist().lifeguard()).isFalse();
    }

    @Test
    void when_gossipSettingsAreWrong_then_rejected() {
        assertThat(error(VALID + "gossip: { profile: mesh }\n").problem()).contains("lan, wan or nomad-server");
        assertThat(error(VALID + "gossip: { probeIntervall: 1s }\n").problem()).contains("unknown key 'probeIntervall'");
        assertThat(error(VALID + "gossip: { gossipNodes: 0 }\n").path()).isEqualTo("gossip.gossipNodes");
    }
}
