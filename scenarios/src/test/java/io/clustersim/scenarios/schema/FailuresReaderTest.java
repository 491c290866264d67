package io.clustersim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.faults.Fault;
import io.clustersim.faults.ScheduledFault;
import io.clustersim.faults.Target;
import io.clustersim.faults.Trigger;
import io.clustersim.kernel.disk.Disk;
import io.clustersim.kernel.network.LinkClass;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.scenarios.yaml.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresReaderTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final String NOMAD = """
            name: t
            duration: 1h
            topology:
              regions:
                - name: east
                  datacenters:
                    - name: dc1
                      zones:
                        - { name: a, servers: 1, clients: 2 }
                        - { name: b, servers: 2 }
                - name: west
                  datacenters:
                    - name: dc2
                      zones:
                        - { name: w, servers: 3 }
            failures:
            """;
    private static final String POOL = """
            name: p
            duration: 10m
            topology: { serfPool: { members: 5, zones: [a, b] } }
            failures:
            """;

    private final ScenarioReader reader = new ScenarioReader();

    private ScheduledFault one(String entry) {
        List<ScheduledFault> f = reader.read("s.yaml", NOMAD + "  - " + entry + "\n").failures();
        assertThat(f).hasSize(1);
        return f.get(0);
    }

    private InputError error(String base, String entry) {
        try {
            reader.read("s.yaml", base + "  - " + entry + "\n");
        } catch (InputError e) {
            return e;
        }
        throw new AssertionError("expected an input error for " + entry);
    }

    @Test
    void when_targetsNameRolesOfARegion_then_theyResolveToTheVocabularysTargets() {
        assertThat(one("{ at: 1m, crash: leader:west }").fault()).isEqualTo(new Fault.Crash(new Target.Leader("west")));
        assertThat(one("{ at: 1m, crash: zone-of-leader }").fault()).isEqualTo(new Fault.Crash(new Target.ZoneOf(new Target.Leader())));
        assertThat(one("{ at: 1m, crash: zone-of-follower }").fault())
                .isEqualTo(new Fault.Crash(new Target.ZoneOf(new Target.Follower())));
        assertThat(one("{ at: 1m, kill: random:servers:east }").fault())
                .isEqualTo(new Fault.Kill(new Target.Random(new Target.Servers("east"))));
        assertThat(one("{ at: 1m, pause: clients, for: 5s }").fault()).isEqualTo(new Fault.Pause(new Target.Clients(null)));
        assertThat(one("{ at: 1m, isolate: region:west, for: 1m }").fault()).isEqualTo(new Fault.Isolate(new Target.Region("west")));
    }

    @Test
    void when_triggersAreAWindowADrawOrACondition_then_eachIsRead() {
        assertThat(one("{ within: [5m, 10m], crash: follower }").trigger()).isEqualTo(new Trigger.Within(300 * S, 600 * S));
        assertThat(one("{ when: firstElection, delay: 5s, crash: leader }").trigger())
                .isEqualTo(new Trigger.When(new Trigger.Condition.FirstElection(null), 5 * S));
        assertThat(one("{ when: { committed: 500 }, crash: leader }").trigger())
                .isEqualTo(new Trigger.When(new Trigger.Condition.Committed(500), 0));
        assertThat(one("{ when: { leader: server-2 }, crash: leader }").trigger())
                .isEqualTo(new Trigger.When(new Trigger.Condition.LeaderIs("server-2"), 0));
        assertThat(one("{ at: 1m, after: { exponential: { mean: 10m } }, crash: leader }").trigger())
                .isEqualTo(new Trigger.Drawn(60 * S, new Distribution.Exponential(600.0 * S)));
    }

    @Test
    void when_networkAndDiskFaultsAreGiven_then_theirParametersAreRead() {
        assertThat(one("{ at: 1m, degrade: { links: crossRegion, latency: 40ms, jitter: 10ms, loss: 0.01 }, for: 10m }").fault())
                .isEqualTo(new Fault.Degrade(new Fault.Links.OfClass(LinkClass.CROSS_REGION), 40 * MS, 10 * MS, 0.01, 0));
        assertThat(one("{ at: 1m, degrade: { between: [a, [b, w]], latency: 5ms }, for: 10m }").fault())
                .isEqualTo(new Fault.Degrade(new Fault.Links.Between(List.of("a"), List.of("b", "w")), 5 * MS, 0, 0, 0));
        assertThat(one("{ at: 1m, partition: { groups: [[a], [b]], oneWay: true }, for: 1m }").fault())
                .isEqualTo(new Fault.Partition(List.of(List.of("a"), List.of("b")), true));
        assertThat(one("{ at: 1m, heal: all }").fault()).isEqualTo(new Fault.Heal());
        assertThat(one("{ at: 1m, slowProcessing: { target: server-2, by: 200ms }, for: 1m }").fault())
                .isEqualTo(new Fault.SlowProcessing(new Target.Node("server-2"), 200 * MS));
        assertThat(one("{ at: 1m, slowDisk: { target: leader, fsyncFactor: 10, addedFsync: 20ms, iops: 100 }, for: 5m }").fault())
                .isEqualTo(new Fault.SlowDisk(new Target.Leader(), new Disk.Slowdown(10, 20 * MS, 100)));
        assertThat(one("{ at: 1m, stallDisk: leader, for: 30s }").fault()).isEqualTo(new Fault.StallDisk(new Target.Leader()));
        assertThat(one("{ at: 1m, rollingRestart: { region: east, pause: 1m, down: 20s } }").fault())
                .isEqualTo(new Fault.RollingRestart("east", 60 * S, 20 * S, true));
        assertThat(one("{ at: 0s, randomFailures: { scope: zone, timeToFailure: { exponential: { mean: 30d } }, "
                + "timeToRepair: 1h, maxConcurrent: 1 } }").fault())
                .isEqualTo(new Fault.FailureProcess(Fault.Scope.ZONE, new Target.Servers(null),
                        new Distribution.Exponential(30 * 86_400.0 * S), new Distribution.Constant(3600.0 * S), 1));
    }

    @Test
    void when_aTargetCanMatchNothing_then_itIsRefusedWithItsPlace() {
        assertThat(error(POOL, "{ at: 1m, crash: leader }").getMessage()).contains("s.yaml:5:").contains("has none")
                .contains("Serf pool has no leader");
        assertThat(error(POOL, "{ at: 1m, crash: zone-of-leader }").getMessage()).contains("has none");
        assertThat(error(POOL, "{ at: 1m, rollingRestart: { down: 5s } }").getMessage()).contains("has none");
        assertThat(error(NOMAD, "{ at: 1m, crash: clients:west }").getMessage()).contains("no clients in region 'west'");
        assertThat(error(NOMAD, "{ at: 1m, crash: leader:north }").getMessage()).contains("unknown region 'north'");
        assertThat(error(NOMAD, "{ at: 1m, crash: zone:east }").getMessage()).contains("unknown zone 'east'");
        assertThat(error(NOMAD, "{ at: 1m, crash: zone:dc1 }").getMessage()).contains("unknown zone 'dc1'");
        assertThat(error(NOMAD, "{ at: 1m, crash: random:nobody }").getMessage()).contains("unknown target 'nobody'");
    }

    @Test
    void when_triggersOrParametersAreWrong_then_theErrorSaysWhatWasExpected() {
        assertThat(error(NOMAD, "{ crash: leader }").getMessage()).contains("exactly one trigger");
        assertThat(error(NOMAD, "{ at: 1m, within: [1m, 2m], crash: leader }").getMessage()).contains("exactly one trigger");
        assertThat(error(NOMAD, "{ within: [2m, 1m], crash: leader }").getMessage()).contains("ends before it starts");
        assertThat(error(NOMAD, "{ within: [2m, 2h], crash: leader }").getMessage()).contains("after the end of the run");
        assertThat(error(NOMAD, "{ at: 1m, delay: 5s, crash: leader }").getMessage()).contains("delay goes with when");
        assertThat(error(NOMAD, "{ when: sunrise, crash: leader }").getMessage()).contains("unknown condition 'sunrise'");
        assertThat(error(NOMAD, "{ at: 1m, heal: all, for: 1m }").getMessage()).contains("cannot be undone");
        assertThat(error(NOMAD, "{ at: 1m, degrade: { links: sideways, latency: 1ms } }").getMessage())
                .contains("unknown link class 'sideways'").contains("crossRegion");
        assertThat(error(NOMAD, "{ at: 1m, degrade: { links: crossZone } }").getMessage()).contains("at least one of latency");
        assertThat(error(NOMAD, "{ at: 1m, slowDisk: { target: leader, fsyncFactor: 0.5 } }").getMessage())
                .contains("fsyncFactor").contains("between 1.0");
        assertThat(error(NOMAD, "{ at: 1m, partition: { groups: [[a], [b], [w]], oneWay: true } }").getMessage())
                .contains("exactly two groups");
        assertThat(error(NOMAD, "{ at: 0s, randomFailures: { scope: planet, timeToFailure: 1h, timeToRepair: 1h } }")
                .getMessage()).contains("unknown scope 'planet'");
    }
}
