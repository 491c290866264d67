package io.clustersim.scenarios.schema;

import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.capacity.InstanceClass;
import io.clustersim.model.capacity.Operation;
import io.clustersim.model.capacity.OperationCosts;
import io.clustersim.model.capacity.PlanTargets;
import io.clustersim.model.capacity.ServerCapacity;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code capacity:} section: the servers' instance class and the CPU cost of each
 * operation. Without it nothing costs anything. With it, every cost not given takes its documented
 * default:
 * <pre>
 *   capacity:
 *     instance: small                  # small (4 cores, 16 GB), large (16 cores, 64 GB) or one of instances
 *     instances:
 *       c6i.2xlarge: { cores: 8, memory: 16GB, disk: { fsync: 1ms, iops: 6000 }, nic: 10Gbit/s }
 *                                      # disk: default the scenario's; nic: default no limit
 *     costs:                           # a duration or a distribution, per operation
 *       heartbeat: 200us
 *       schedulePerEval: { lognormal: { median: 2ms, p99: 10ms } }
 *     slo:                             # what a sweep's capacity plan holds each size to
 *       commitP99: 100ms
 *       nodesFalselyMarkedDown: 0
 *       writeAvailability: 0.999
 *       headroom: 0.3                  # the busiest server's CPU at most 70% at the planned load
 * </pre>
 */
final class CapacityReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> KEYS = List.of("instance", "instances", "costs", "slo");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> SLO_KEYS = List.of("commitP99", "nodesFalselyMarkedDown", "writeAvailability", "headroom");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> INSTANCE_KEYS = List.of("cores", "memory", "disk", "nic");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> COST_KEYS = java.util.Arrays.stream(Operation.values()).map(Operation::key).toList();

    private CapacityReader() {}

    static ServerCapacity read(YamlNode node) {
        YamlMap m = YamlMap.of(node, "the servers' capacity: instance, instances, costs").allowOnly(KEYS);
        Map<String, InstanceClass> classes = new LinkedHashMap<>();
        InstanceClass.CATALOGUE.forEach(c -> classes.put(c.name(), c));
        if (m.has("instances")) {
            YamlMap defined = YamlMap.of(m.require("instances", ""), "instance classes by name");
            for (String name : defined.keys()) {
                YamlMap c = YamlMap.of(defined.node().entries().get(name), "an instance class: cores, memory").allowOnly(INSTANCE_KEYS);
                int cores = (int) c.integer("cores", "the number of cores", -1, 1, 1024);
                if (cores < 0) {
                    c.require("cores", "the number of cores (1 to 1024)");
                }
                long memory = Sizes.bytes(c.require("memory", "the memory, such as 16GB"), "a memory size such as 16GB");
                if (memory <= 0) {
                    throw InputError.at(c.require("memory", ""), "expected a memory size greater than zero");
                }
                classes.put(name, new InstanceClass(name, cores, memory, c.get("disk").map(ScenarioReader::disk).orElse(null),
                        c.get("nic").map(ScenarioReader::bandwidth).orElse(0.0)));
            }
        }
        String name = m.string("instance", "an instance class", InstanceClass.SMALL.name());
        InstanceClass instance = classes.get(name);
        if (instance == null) {
            throw InputError.at(m.require("instance", ""), "expected an instance class, one of: "
                    + String.join(", ", new ArrayList<>(classes.keySet())) + "; got '" + name + "'");
        }
        OperationCosts costs = OperationCosts.DEFAULTS;
        if (m.has("costs")) {
            YamlMap c = YamlMap.of(m.require("costs", ""), "the CPU cost of each operation").allowOnly(COST_KEYS);
            for (String key : c.keys()) {
                YamlNode v = c.node().entries().get(key);
                Distribution d = DistributionReader.readDuration(v);
                if (d.mean() < 0) {
                    throw InputError.at(v, "expected a cost of zero or more");
                }
                costs = costs.with(key, d);
            }
        }
        ServerCapacity capacity = ServerCapacity.of(instance, costs);
        return m.has("slo") ? capacity.withTargets(targets(m.require("slo", ""))) : capacity;
    }

    private static PlanTargets targets(YamlNode node) {
        YamlMap m = YamlMap.of(node, "service levels: commitP99, nodesFalselyMarkedDown, writeAvailability, headroom")
                .allowOnly(SLO_KEYS);
        PlanTargets d = PlanTargets.DEFAULTS;
        long commit = m.durationNanos("commitP99", "the Raft commit time p99 to stay within", (long) (d.commitP99Ms() * 1e6));
        if (commit <= 0) {
            throw InputError.at(m.require("commitP99", ""), "expected a commit time greater than zero");
        }
        return new PlanTargets(commit / 1e6,
                m.integer("nodesFalselyMarkedDown", "the most nodes falsely marked down", d.maxNodesFalselyMarkedDown(), 0,
                        Long.MAX_VALUE),
                m.number("writeAvailability", "the least write availability, 0 to 1", d.minWriteAvailability(), 0, 1),
                m.number("headroom", "the CPU share to leave free, 0 to 0.95", d.headroom(), 0, 0.95));
    }
}
