package io.clustersim.scenarios.schema;

import io.clustersim.model.structs.Constraint;
import io.clustersim.model.structs.Disconnect;
import io.clustersim.model.structs.Job;
import io.clustersim.model.structs.JobType;
import io.clustersim.model.structs.TaskGroup;
import io.clustersim.model.workload.JobSpec;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code jobs:} section:
 * <pre>
 *   jobs:
 *     - name: web
 *       type: service              # service | batch | system
 *       region: us-east            # default: the first region
 *       datacenters: [dc1]         # default: every datacenter of the region
 *       specSize: 4KB              # the registered specification's size
 *       updatesPerHour: 0          # re-registrations (a new version, updated in place)
 *       submissionsPerHour: 0      # new instances web-1, web-2, ... (batch jobs)
 *       groups:
 *         - name: web
 *           count: 10              # ignored for system jobs (one per node)
 *           cpu: 500               # MHz
 *           memory: 256MB
 *           spread: zone           # spread evenly over availability zones
 *           constraints: [ { attribute: gpu, value: "true" } ]
 *           runtime: 10m           # batch: how long each allocation runs
 *           disconnect: { lostAfter: 5m, stopOnClientAfter: 0s, replace: true }
 * </pre>
 */
final class JobsReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> JOB_KEYS = List.of("name", "type", "region", "datacenters", "specSize", "updatesPerHour", "submissionsPerHour", "groups");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> GROUP_KEYS = List.of("name", "count", "cpu", "memory", "spread", "constraints", "runtime", "disconnect");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> CONSTRAINT_KEYS = List.of("attribute", "value");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> DISCONNECT_KEYS = List.of("lostAfter", "stopOnClientAfter", "replace");
    private JobsReader() {}

    static List<JobSpec> read(List<YamlNode> items, List<String> regions, Set<String> datacenters) {
        List<JobSpec> out = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (YamlNode item : items) {
            YamlMap m = YamlMap.of(item, "a job").allowOnly(JOB_KEYS);
            String name = m.string("name", "the job's name");
            if (!names.add(name)) {
                throw InputError.at(m.require("name", ""), "duplicate job name '" + name + "'");
            }
            String typeName = m.string("type", "service, batch or system", "service");
            JobType type = switch (typeName) {
                case "service" -> JobType.SERVICE;
                case "batch" -> JobType.BATCH;
                case "system" -> JobType.SYSTEM;
                default -> throw InputError.at(m.require("type", ""), "expected service, batch or system, got '" + typeName + "'");
            };
            String region = m.string("region", "the job's region", regions.get(0));
            if (!regions.contains(region)) {
                throw InputError.at(m.require("region", ""), "unknown region '" + region + "'; regions are " + regions);
            }
            List<String> dcs = new ArrayList<>();
            if (m.has("datacenters")) {
                for (YamlNode d : m.list("datacenters", "datacenter names")) {
                    String dc = YamlMap.asString(d, "a datacenter name");
                    if (!datacenters.contains(dc)) {
                        throw InputError.at(d, "unknown datacenter '" + dc + "'; datacenters are " + datacenters);
                    }
                    dcs.add(dc);
                }
            }
            long spec = m.get("specSize").map(v -> Sizes.bytes(v, "a size such as 4KB")).orElse(4096L);
            List<TaskGroup> groups = new ArrayList<>();
            Set<String> groupNames = new TreeSet<>();
            for (YamlNode g : m.list("groups", "the job's task groups")) {
                TaskGroup tg = group(g, type);
                if (!groupNames.add(tg.name())) {
                    throw InputError.at(g, "duplicate group name '" + tg.name() + "' in job " + name);
                }
                groups.add(tg);
            }
            if (groups.isEmpty()) {
                throw InputError.at(m.require("groups", ""), "expected at least one task group");
            }
            double updates = m.number("updatesPerHour", "updates per hour", 0, 0, 1e6);
            double submissions = m.number("submissionsPerHour", "new instances per hour", 0, 0, 1e6);
            if (submissions > 0 && type != JobType.BATCH) {
                throw InputError.at(m.require("submissionsPerHour", ""),
                        "submissionsPerHour makes new instances of batch jobs; this job is " + typeName);
            }
            out.add(new JobSpec(new Job(name, "default", region, type, 0, (int) Math.min(Integer.MAX_VALUE, spec), dcs, groups),
                    updates, submissions));
        }
        return out;
    }

    private static TaskGroup group(YamlNode node, JobType type) {
        YamlMap m = YamlMap.of(node, "a task group").allowOnly(GROUP_KEYS);
        String name = m.string("name", "the group's name");
        int count = (int) m.integer("count", "how many allocations", 1, 0, 1_000_000);
        int cpu = (int) m.integer("cpu", "CPU per allocation in MHz", 100, 0, 10_000_000);
        long memory = m.get("memory").map(v -> Sizes.bytes(v, "a memory size such as 256MB")).orElse(300_000_000L);
        boolean spread = false;
        if (m.has("spread")) {
            String s = m.string("spread", "zone");
            if (!s.equals("zone")) {
                throw InputError.at(m.require("spread", ""), "expected zone (the only spread attribute modelled), got '" + s + "'");
            }
            spread = true;
        }
        List<Constraint> constraints = new ArrayList<>();
        if (m.has("constraints")) {
            for (YamlNode c : m.list("constraints", "constraints")) {
                YamlMap cm = YamlMap.of(c, "a constraint such as { attribute: gpu, value: \"true\" }").allowOnly(CONSTRAINT_KEYS);
                constraints.add(new Constraint(cm.string("attribute", "the node attribute"), cm.string("value", "the value")));
            }
        }
        long runtime = m.durationNanos("runtime", "how long each allocation runs", 0);
        if (runtime > 0 && type != JobType.BATCH) {
            throw InputError.at(m.require("runtime", ""), "runtime is for batch jobs; service and system allocations run until stopped");
        }
        Disconnect disconnect = Disconnect.NONE;
        if (m.has("disconnect")) {
            YamlMap d = YamlMap.of(m.require("disconnect", ""), "disconnect settings").allowOnly(DISCONNECT_KEYS);
            disconnect = new Disconnect(d.durationNanos("lostAfter", "how long allocations stay unknown", 0),
                    d.durationNanos("stopOnClientAfter", "when the client stops them itself", 0), d.bool("replace", true));
        }
        return new TaskGroup(name, count, cpu, (int) (memory / 1_000_000), constraints, spread, disconnect, runtime);
    }
}
