package io.clustersim.scenarios.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.capacity.InstanceClass;
import io.clustersim.model.capacity.Operation;
import io.clustersim.model.capacity.OperationCosts;
import io.clustersim.model.capacity.ServerCapacity;
import io.clustersim.scenarios.yaml.InputError;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityReaderTest {
    private static final String BASE = """
            name: t
            duration: 2m
            topology:
              regions:
                - name: r1
                  datacenters:
                    - name: dc1
                      zones:
                        - { name: a, servers: 1, clients: 2 }
                        - { name: b, servers: 1 }
                        - { name: c, servers: 1 }
            """;

    private final ScenarioReader reader = new ScenarioReader();

    private ServerCapacity capacity(String section) {
        return reader.read("s.yaml", BASE + section).nomad().capacity();
    }

    private InputError error(String section) {
        try {
            reader.read("s.yaml", BASE + section);
        } catch (InputError e) {
            return e;
        }
        throw new AssertionError("expected an input error for:\n" + section);
    }

    @Test
    void when_thereIsNoCapacitySection_then_nothingCostsAnything() {
        ServerCapacity c = reader.read("s.yaml", BASE).nomad().capacity();
        assertThat(c.modelled()).isFalse();
        assertThat(c.costs()).isEqualTo(OperationCosts.ZERO);
        assertThat(ScenarioReader.describe(reader.read("s.yaml", BASE))).doesNotContain("capacity:");
    }

    @Test
    void when_anInstanceIsNamed_then_itsClassAndTheDefaultCostsApplyAndCostsMayBeGiven() {
        ServerCapacity small = capacity("capacity: { instance: small }\n");
        assertThat(small.modelled()).isTrue();
        assertThat(small.instance()).isEqualTo(InstanceClass.SMALL);
        assertThat(small.costs()).isEqualTo(OperationCosts.DEFAULTS);
        assertThat(small.costs().of(Operation.HEARTBEAT).mean()).isEqualTo(200_000);

        ServerCapacity custom = capacity("""
                capacity:
                  instance: c6i.2xlarge
                  instances:
                    c6i.2xlarge: { cores: 8, memory: 16GB }
                  costs:
                    heartbeat: 1ms
                    schedulePerEval: { uniform: [1ms, 3ms] }
                """);
        assertThat(custom.instance().cores()).isEqualTo(8);
        assertThat(custom.instance().memoryBytes()).isEqualTo(16L * 1000 * 1000 * 1000);
        assertThat(custom.costs().of(Operation.HEARTBEAT)).isEqualTo(new Distribution.Constant(1_000_000));
        assertThat(custom.costs().of(Operation.SCHEDULE_PER_EVAL).mean()).isEqualTo(2_000_000);
        assertThat(custom.costs().of(Operation.READ)).isEqualTo(OperationCosts.DEFAULTS.of(Operation.READ));
        assertThat(ScenarioReader.describe(reader.read("s.yaml", BASE + "capacity: { instance: large }\n")))
                .contains("capacity: servers are large (16 cores, 64 GiB, disk fsync mean 0.597ms, iops 16000, NIC 5.00 Gbit/s)")
                .contains("heartbeat 200us");
        assertThat(custom.instance().disk()).as("the scenario's disk: for a class that names none").isNull();
        ServerCapacity withDisk = capacity("capacity: { instance: d, instances: { d: { cores: 2, memory: 4GB, disk: { fsync: 2ms, iops: 500 } } } }\n");
        assertThat(withDisk.instance().disk().iops()).isEqualTo(500);
        assertThat(withDisk.instance().nicBytesPerSecond()).as("no NIC limit unless given").isZero();
        assertThat(capacity("capacity: { instance: n, instances: { n: { cores: 2, memory: 4GB, nic: 8Gbit/s } } }\n").instance()
                .nicBytesPerSecond()).isEqualTo(1e9);
        assertThat(error("capacity: { instance: n, instances: { n: { cores: 2, memory: 4GB, nic: fast } } }\n").path())
                .isEqualTo("capacity.instances.n.nic");
        assertThat(InstanceClass.LARGE.disk().iops()).isGreaterThan(InstanceClass.SMALL.disk().iops());
    }

    @Test
    void when_capacityIsWrong_then_theErrorNamesTheKeyAndWhatWasExpected() {
        InputError unknown = error("capacity: { instance: huge }\n");
        assertThat(unknown.path()).isEqualTo("capacity.instance");
        assertThat(unknown.problem()).contains("one of: small, large").contains("'huge'");
        InputError key = error("capacity: { costs: { heartbeats: 1ms } }\n");
        assertThat(key.problem()).contains("unknown key 'heartbeats'");
        InputError cores = error("capacity: { instance: x, instances: { x: { cores: 0, memory: 8GB } } }\n");
        assertThat(cores.path()).isEqualTo("capacity.instances.x.cores");
        InputError memory = error("capacity: { instance: x, instances: { x: { cores: 2 } } }\n");
        assertThat(memory.problem()).contains("memory");
        assertThat(error("capacity: { costs: { read: fast } }\n").path()).isEqualTo("capacity.costs.read");
    }

    @Test
    void when_aSweepGoesOverInstanceClasses_then_eachVariantHasItsClass() {
        List<ScenarioReader.Variant> variants = reader.readVariants("s.yaml", BASE
                + "capacity: { instance: small }\nsweep:\n  capacity.instance: [small, large]\n");
        assertThat(variants).extracting(v -> v.scenario().nomad().capacity().instance().cores()).containsExactly(4, 16);
    }
}
