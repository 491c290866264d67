package io.clustersim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.topology.Topology;
import io.clustersim.scenarios.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void when_yamlIsMalformed_then_theErrorPointsAtTheProblemAndSaysWhatItIs() {
        InputError tab = error("name: t\n\tduration: 1h\n");
        assertThat(tab.getMessage()).isEqualTo("s.yaml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any "
                + "token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)");

        InputError flow = error("name: t\ntopology: [a, b\nseed: 3\n");
        assertThat(flow.line()).isEqualTo(3);
        assertThat(flow.getMessage()).contains("YAML syntax error: expected ',' or ']'").contains("(while parsing a flow sequence)");
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

    @Test
    void when_nomadSectionIsOmitted_then_nomadsDefaultsApply() {
        Scenario s = reader.read("s.yaml", VALID);
        var n = s.nomad();
        assertThat(n.bootstrapExpect()).isZero(); // resolved per region to its number of servers
        assertThat(n.leaveOnTerminate()).isFalse();
        assertThat(n.leaveOnInterrupt()).isFalse();
        assertThat(n.rpcHoldTimeout()).hasSeconds(5);
        assertThat(n.reconcileInterval()).hasSeconds(60);
        assertThat(n.retryJoinInterval()).hasSeconds(30);
        assertThat(n.autopilot().cleanupDeadServers()).isTrue();
        assertThat(n.autopilot().maxTrailingLogs()).isEqualTo(250);
        assertThat(n.authoritativeRegion()).isNull();
        assertThat(s.warmupNanos()).isEqualTo(30_000_000_000L);
        assertThat(s.probes().interval()).hasSeconds(1);
        assertThat(s.probes().timeout()).hasSeconds(5);
        assertThat(s.probes().kinds()).containsExactly(io.clustersim.model.probe.ProbeKind.WRITE,
                io.clustersim.model.probe.ProbeKind.CONSISTENT_READ, io.clustersim.model.probe.ProbeKind.STALE_READ);
    }

    @Test
    void when_nomadSectionIsGiven_then_everySettingIsApplied() {
        Scenario s = reader.read("s.yaml", VALID + """
                warmup: 10s
                nomad:
                  bootstrapExpect: 3
                  leaveOnTerminate: true
                  rpcHoldTimeout: 2s
                  stateSize: 200MB
                  autopilot: { cleanupDeadServers: false, minQuorum: 3, serverStabilizationTime: 20s }
                probes: { interval: 500ms, timeout: 2s, kinds: [write, staleRead] }
                """);
        var n = s.nomad();
        assertThat(n.bootstrapExpect()).isEqualTo(3);
        assertThat(n.leaveOnTerminate()).isTrue();
        assertThat(n.rpcHoldTimeout()).hasSeconds(2);
        assertThat(n.stateBaseBytes()).isEqualTo(200L * 1000 * 1000);
        assertThat(n.autopilot().cleanupDeadServers()).isFalse();
        assertThat(n.autopilot().minQuorum()).isEqualTo(3);
        assertThat(n.autopilot().serverStabilizationTime()).hasSeconds(20);
        assertThat(s.warmupNanos()).isEqualTo(10_000_000_000L);
        assertThat(s.probes().interval()).hasMillis(500);
        assertThat(s.probes().kinds()).hasSize(2);
    }

    @Test
    void when_nomadSettingsCannotWork_then_theyAreRefusedWithTheReason() {
        InputError hold = error(VALID + "nomad: { rpcHoldTimeout: 0s }\n");
        assertThat(hold.path()).isEqualTo("nomad.rpcHoldTimeout");
        assertThat(hold.problem()).contains("greater than zero");
        assertThat(error(VALID + "nomad: { bootstrapExpect: -1 }\n").path()).isEqualTo("nomad.bootstrapExpect");
        assertThat(error(VALID + "nomad: { autopilot: { cleanupDeadServer: true } }\n").problem())
                .contains("unknown key 'cleanupDeadServer'");
        assertThat(error(VALID + "probes: { kinds: [write, read] }\n").problem()).contains("expected a probe kind");
        assertThat(error(VALID + "probes: { interval: 0s }\n").path()).isEqualTo("probes.interval");
        assertThat(error(VALID + "warmup: 2m\n").problem()).contains("duration");
    }

    @Test
    void when_settingsGoAgainstNomadsAdvice_then_warningsSayWhy() {
        Scenario s = reader.read("s.yaml", VALID + "nomad: { bootstrapExpect: 5 }\n");
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("bootstrapExpect 5").contains("never bootstrap"));
        // VALID's region has 3 servers in two zones: fine on count, and spread.
        assertThat(reader.read("s.yaml", VALID).warnings()).isEmpty();
        Scenario even = reader.read("s.yaml", VALID.replace("{ name: b, servers: 2 }", "{ name: b, servers: 3 }"));
        assertThat(even.warnings()).singleElement().asString().contains("even count");
        Scenario oneZone = reader.read("s.yaml", VALID.replace("{ name: a, servers: 1, clients: 2 }", "{ name: a, servers: 0, clients: 2 }"));
        assertThat(oneZone.warnings()).anySatisfy(w -> assertThat(w).contains("all its servers in zone b"));
        assertThat(ScenarioReader.describe(s)).contains("warning: nomad.bootstrapExpect 5");
        // Servers a and b (zones a and b) 25 ms apart: over the 10 ms Nomad asks for; 2 ms within zone b is fine.
        Scenario far = reader.read("s.yaml", VALID.replace("{ uniform: [1ms, 3ms] }", "{ constant: 25ms }"));
        assertThat(far.warnings()).singleElement().asString().contains("region r1").contains("25.0 ms apart").contains("10 ms");
        Scenario farWithin = reader.read("s.yaml", VALID.replace("crossZone: { constant: 2ms }",
                "crossZone: { constant: 2ms }\n    sameZone: { constant: 12ms }"));
        assertThat(farWithin.warnings()).singleElement().asString().contains("12.0 ms apart");
    }

    @Test
    void when_aRegionGivesTotals_then_theyAreSpreadOverItsZonesInOrder() {
        String totals = VALID.replace("  - name: r1\n", "  - name: r1\n      servers: 5\n      clients: 1001\n");
        Scenario s = reader.read("s.yaml", totals);
        List<Topology.Zone> zones = s.topology().regions().get(0).datacenters().get(0).zones();
        assertThat(zones).extracting(Topology.Zone::servers).containsExactly(3, 2);
        assertThat(zones).extracting(Topology.Zone::clients).containsExactly(501, 500);
        assertThat(reader.read("s.yaml", VALID.replace("  - name: r1\n", "  - name: r1\n      clients: 10\n")).topology()
                .totalServers()).as("servers stay the zones' own").isEqualTo(3);
        assertThat(error(VALID.replace("  - name: r1\n", "  - name: r1\n      clients: -1\n")).path()).isEqualTo("topology.regions[0].clients");
        assertThat(error(VALID.replace("  - name: r1\n", "  - name: r1\n      clients: 900000\n")).problem()).contains("at most");
    }

    @Test
    void when_stopsAndForceLeavesTargetPlaces_then_theyAreResolved() {
        Scenario s = reader.read("s.yaml", VALID + """
                failures:
                  - { at: 10s, stop: server-1 }
                  - { at: 20s, interrupt: follower }
                  - { at: 30s, forceLeave: server-1 }
                  - { at: 40s, crash: "region:r1", for: 10s }
                  - { at: 60s, crash: "datacenter:dc1", for: 10s }
                """);
        assertThat(s.failures()).extracting(f -> f.fault()).containsExactly(
                new io.clustersim.faults.Fault.Stop(new io.clustersim.faults.Target.Node("server-1"),
                        io.clustersim.kernel.node.StopSignal.TERMINATE),
                new io.clustersim.faults.Fault.Stop(new io.clustersim.faults.Target.Follower(),
                        io.clustersim.kernel.node.StopSignal.INTERRUPT),
                new io.clustersim.faults.Fault.ForceLeave("server-1"),
                new io.clustersim.faults.Fault.Crash(new io.clustersim.faults.Target.Region("r1")),
                new io.clustersim.faults.Fault.Crash(new io.clustersim.faults.Target.Datacenter("dc1")));
        assertThat(error(VALID + "failures:\n  - { at: 1s, crash: \"region:mars\" }\n").problem()).contains("'mars'");
        assertThat(error(VALID + "failures:\n  - { at: 1s, forceLeave: leader }\n").path()).isEqualTo("failures[0].forceLeave");
    }

    @Test
    void when_aRegionIsAuthoritative_then_aclsReplicateFromItAndProbesWriteAcls() {
        String two = VALID.replace("    - name: r1\n", "    - name: r1\n      authoritative: true\n") + """
                """;
        Scenario s = reader.read("s.yaml", two);
        assertThat(s.nomad().authoritativeRegion()).isEqualTo("r1");
        assertThat(s.probes().kinds()).contains(io.clustersim.model.probe.ProbeKind.ACL_WRITE);
        assertThat(error(VALID.replace("    - name: r1\n", "    - name: r1\n      authoritative: yes please\n")).path())
                .isEqualTo("topology.regions[0].authoritative");
    }

    @Test
    void when_clientsHeartbeatAndJobsAreOmitted_then_nomadsDefaultsApply() {
        Scenario s = reader.read("s.yaml", VALID);
        var h = s.nomad().heartbeat();
        assertThat(h.minHeartbeatTtl()).hasSeconds(10);
        assertThat(h.maxHeartbeatsPerSecond()).isEqualTo(50.0);
        assertThat(h.heartbeatGrace()).hasSeconds(10);
        assertThat(h.failoverHeartbeatTtl()).hasMinutes(5);
        assertThat(h.nodeGcThreshold()).hasHours(24);
        assertThat(s.clients().fingerprint().cpuMhz()).isEqualTo(10_000);
        assertThat(s.workload().jobs()).isEmpty();
        assertThat(s.workload().registerAtNanos()).isEqualTo(ScenarioReader.DEFAULT_REGISTER_JOBS_AT_NANOS);
    }

    @Test
    void when_clientsHeartbeatAndJobsAreGiven_then_everySettingIsApplied() {
        Scenario s = reader.read("s.yaml", VALID.replace("{ name: a, servers: 1, clients: 2 }",
                "{ name: a, servers: 1, clients: 2, serversRunClients: true }")
                .replace("{ name: b, servers: 2 }", "{ name: b, servers: 2, clients: 1 }") + """
                clients:
                  cpu: 8000
                  memory: 32GB
                  nodeClass: m5.2xlarge
                  attributes: { gpu: "false" }
                  zones:
                    b: { cpu: 16000, attributes: { gpu: "true" } }
                heartbeat: { minHeartbeatTtl: 20s, maxHeartbeatsPerSecond: 100, heartbeatGrace: 5s, failoverHeartbeatTtl: 10m, nodeGcThreshold: 1h }
                workload: { registerJobsAt: 40s }
                jobs:
                  - name: web
                    datacenters: [dc1]
                    updatesPerHour: 2
                    groups:
                      - { name: web, count: 4, cpu: 500, memory: 256MB, spread: zone,
                          disconnect: { lostAfter: 5m, stopOnClientAfter: 1m, replace: false } }
                  - name: train
                    type: batch
                    submissionsPerHour: 6
                    groups:
                      - { name: gpu, count: 1, cpu: 4000, memory: 8GB, runtime: 10m,
                          constraints: [ { attribute: gpu, value: "true" } ] }
                  - name: exporter
                    type: system
                    groups: [ { name: e, cpu: 100, memory: 64MB } ]
                """);
        assertThat(s.topology().serversRunClients("a")).isTrue();
        assertThat(s.clients().fingerprint().memoryMb()).isEqualTo(32_000);
        assertThat(s.clients().fingerprintIn("b").cpuMhz()).isEqualTo(16_000);
        assertThat(s.clients().fingerprintIn("b").attributes()).containsEntry("gpu", "true");
        assertThat(s.clients().fingerprintIn("a").attributes()).containsEntry("gpu", "false");
        assertThat(s.nomad().heartbeat().maxHeartbeatsPerSecond()).isEqualTo(100.0);
        assertThat(s.nomad().heartbeat().failoverHeartbeatTtl()).hasMinutes(10);
        assertThat(s.workload().registerAtNanos()).isEqualTo(40_000_000_000L);
        assertThat(s.workload().jobs()).extracting(j -> j.job().id()).containsExactly("web", "train", "exporter");
        var web = s.workload().jobs().get(0);
        assertThat(web.updatesPerHour()).isEqualTo(2.0);
        assertThat(web.job().groups().get(0).spreadByZone()).isTrue();
        assertThat(web.job().groups().get(0).disconnect().lostAfterNanos()).isEqualTo(300_000_000_000L);
        assertThat(web.job().groups().get(0).disconnect().replace()).isFalse();
        var train = s.workload().jobs().get(1);
        assertThat(train.job().type()).isEqualTo(io.clustersim.model.structs.JobType.BATCH);
        assertThat(train.job().groups().get(0).runtimeNanos()).isEqualTo(600_000_000_000L);
        assertThat(train.job().groups().get(0).constraints()).hasSize(1);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void when_clientOrJobSettingsCannotWork_then_theyAreRefusedWithTheReason() {
        InputError rate = error(VALID + "heartbeat: { maxHeartbeatsPerSecond: 0 }\n");
        assertThat(rate.path()).isEqualTo("heartbeat.maxHeartbeatsPerSecond");
        assertThat(rate.problem()).contains("greater than zero");
        assertThat(error(VALID + "heartbeat: { minHeartbeatTtl: 0s }\n").path()).isEqualTo("heartbeat.minHeartbeatTtl");
        assertThat(error(VALID + "clients: { zones: { mars: { cpu: 1000 } } }\n").problem()).contains("unknown zone 'mars'");
        assertThat(error(VALID + "jobs:\n  - { name: j, type: cron, groups: [ { name: g } ] }\n").problem())
                .contains("service, batch or system");
        assertThat(error(VALID + "jobs:\n  - { name: j, groups: [] }\n").problem()).contains("at least one task group");
        assertThat(error(VALID + "jobs:\n  - { name: j, submissionsPerHour: 1, groups: [ { name: g } ] }\n").problem())
                .contains("batch");
        assertThat(error(VALID + "jobs:\n  - { name: j, groups: [ { name: g, runtime: 1m } ] }\n").problem())
                .contains("batch");
        assertThat(error(VALID + "jobs:\n  - { name: j, datacenters: [dc9], groups: [ { name: g } ] }\n").path())
                .isEqualTo("jobs[0].datacenters[0]");
        assertThat(error(VALID + "jobs:\n  - { name: j, groups: [ { name: g, spread: rack } ] }\n").problem()).contains("zone");
        assertThat(error(VALID + "jobs:\n  - { name: j, groups: [ { name: g, cpu: lots } ] }\n").path())
                .isEqualTo("jobs[0].groups[0].cpu");
    }

    @Test
    void when_clientSettingsGoAgainstNomadsAdvice_then_warningsSayWhy() {
        Scenario big = reader.read("s.yaml", VALID.replace("{ name: a, servers: 1, clients: 2 }", "{ name: a, servers: 1, clients: 9000 }"));
        assertThat(big.warnings()).anySatisfy(w -> assertThat(w).contains("9000 clients").contains("failoverHeartbeatTtl"));
        Scenario noGrace = reader.read("s.yaml", VALID + "heartbeat: { heartbeatGrace: 0s }\n");
        assertThat(noGrace.warnings()).anySatisfy(w -> assertThat(w).contains("heartbeatGrace is 0"));
        Scenario tooBig = reader.read("s.yaml", VALID + "jobs:\n  - { name: huge, groups: [ { name: g, cpu: 50000 } ] }\n");
        assertThat(tooBig.warnings()).anySatisfy(w -> assertThat(w).contains("job huge group g fits no client"));
        Scenario zoneTarget = reader.read("s.yaml", VALID + "failures:\n  - { at: 10s, crash: \"zone:leader\", for: 10s }\n");
        assertThat(zoneTarget.failures().get(0).fault()).isEqualTo(new io.clustersim.faults.Fault.Crash(
                new io.clustersim.faults.Target.ZoneOf(new io.clustersim.faults.Target.Leader())));
    }

    @Test
    void when_theTopologyIsTooLargeToSimulate_then_itIsRefusedAtTheZoneThatTipsIt() {
        String big = VALID.replace("{ name: a, servers: 1, clients: 2 }", "{ name: a, servers: 1, clients: 150000 }")
                .replace("{ name: b, servers: 2 }", "{ name: b, servers: 2, clients: 150000 }");
        assertThat(error(big).getMessage()).contains("s.yaml:11:").contains("zones[1]").contains("at most 200000");
        assertThat(error(VALID.replace("name: t", "name: ../../x")).getMessage()).contains("s.yaml:1:7").contains("'../../x'");
    }
}
