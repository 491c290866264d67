package io.clustersim.scenarios.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of scenario files, built from the very key lists the readers
 * accept, so that the two cannot drift: a key the reader takes is in the schema, and a key the
 * schema lists is one the reader takes. It describes the structure (which keys go where, which
 * are required, which values are names, durations, numbers or one of a few words); the reader
 * still judges what a schema cannot say (a zone named in a failure exists, a window ends before
 * the run does) and names file, line and key when it refuses.
 */
public final class ScenarioSchema {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID = "https://clustersim.io/schema/scenario.json";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ScenarioSchema() {}

    /** The schema as pretty-printed JSON. */
    public static String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode schema() {
        ObjectNode root = F.objectNode();
        root.put("$schema", DIALECT);
        root.put("$id", ID);
        root.put("title", "ClusterSim scenario");
        root.put("description", "A Nomad-style topology, its network, disks, settings, workload, failures and expectations.");
        ObjectNode p = object(root, ScenarioReader.TOP_KEYS, "name", "duration", "topology");
        p.set("name", string().put("pattern", "^" + ScenarioReader.NAME_PATTERN + "$").put("maxLength", 100));
        p.set("description", string());
        p.set("seed", F.objectNode().put("type", "integer"));
        p.set("duration", ref("duration"));
        p.set("warmup", ref("duration"));
        p.set("topology", topology());
        p.set("network", network());
        p.set("disk", disk());
        p.set("raft", raft());
        p.set("gossip", keysOnly(GossipSettingsReader.KEYS));
        p.set("nomad", nomad());
        p.set("capacity", capacity());
        p.set("heartbeat", durationsOrNumbers(ClientsReader.HEARTBEAT_KEYS));
        p.set("clients", clients());
        p.set("jobs", array(job()));
        p.set("probes", probes());
        ObjectNode workload = F.objectNode();
        object(workload, ScenarioReader.WORKLOAD_KEYS).set("registerJobsAt", ref("duration"));
        p.set("workload", workload);
        p.set("failures", array(ref("failure")));
        p.set("expect", expect());
        ObjectNode sweep = F.objectNode().put("type", "object");
        sweep.put("description", "key path (e.g. topology.regions[0].datacenters[0].zones[0].servers) to the values to try");
        sweep.set("additionalProperties", F.objectNode().put("type", "array").put("minItems", 1));
        p.set("sweep", sweep);
        p.set("replications", integer(1).put("maximum", ScenarioReader.MAX_REPLICATIONS));
        ObjectNode defs = root.putObject("$defs");
        defs.set("duration", duration());
        defs.set("distribution", distribution());
        defs.set("target", string().put("description", FaultTargets.FORMS));
        defs.set("places", F.objectNode().set("anyOf", F.arrayNode().add(string()).add(array(string()))));
        defs.set("failure", failure());
        return root;
    }

    // --- building blocks ---------------------------------------------------------------------

    /** Makes {@code node} an object taking exactly {@code keys}; returns its properties to fill. */
    private static ObjectNode object(ObjectNode node, List<String> keys, String... required) {
        node.put("type", "object");
        node.put("additionalProperties", false);
        ObjectNode props = node.putObject("properties");
        for (String k : keys) {
            props.set(k, F.objectNode());
        }
        if (required.length > 0) {
            ArrayNode r = node.putArray("required");
            for (String k : required) {
                r.add(k);
            }
        }
        return props;
    }

    private static ObjectNode keysOnly(List<String> keys) {
        ObjectNode n = F.objectNode();
        object(n, keys);
        return n;
    }

    private static ObjectNode durationsOrNumbers(List<String> keys) {
        ObjectNode n = F.objectNode();
        ObjectNode props = object(n, keys);
        for (String k : keys) {
            props.set(k, F.objectNode().set("anyOf", F.arrayNode().add(ref("duration")).add(number(0))));
        }
        return n;
    }

    private static ObjectNode string() {
        return F.objectNode().put("type", "string");
    }

    private static ObjectNode integer(long min) {
        return F.objectNode().put("type", "integer").put("minimum", min);
    }

    private static ObjectNode number(double min) {
        return F.objectNode().put("type", "number").put("minimum", min);
    }

    private static ObjectNode bool() {
        return F.objectNode().put("type", "boolean");
    }

    private static ObjectNode oneWord(List<String> words) {
        ObjectNode n = F.objectNode();
        ArrayNode e = n.putArray("enum");
        words.forEach(e::add);
        return n;
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode n = F.objectNode().put("type", "array");
        n.set("items", items);
        return n;
    }

    private static ObjectNode ref(String def) {
        return F.objectNode().put("$ref", "#/$defs/" + def);
    }

    /** {@code 150ms}, {@code 2s}, {@code 1m30s}, {@code 30d}, or a bare 0. */
    private static ObjectNode duration() {
        ObjectNode d = F.objectNode();
        d.put("description", "a duration with a unit: ns, us, ms, s, m, h, d (e.g. 150ms, 1m30s); or 0");
        d.set("anyOf", F.arrayNode()
                .add(string().put("pattern", "^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h|d))+$"))
                .add(F.objectNode().put("const", 0)));
        return d;
    }

    /** A duration, or one distribution kind with its parameters. */
    private static ObjectNode distribution() {
        ObjectNode kinds = F.objectNode().put("type", "object").put("minProperties", 1).put("maxProperties", 1)
                .put("additionalProperties", false);
        ObjectNode props = kinds.putObject("properties");
        for (String k : DistributionReader.KINDS) {
            props.set(k, F.objectNode());
        }
        ObjectNode d = F.objectNode();
        d.put("description", "a duration, or one of: " + String.join(", ", DistributionReader.KINDS));
        d.set("anyOf", F.arrayNode().add(ref("duration")).add(kinds));
        return d;
    }

    // --- sections ------------------------------------------------------------------------------

    private static ObjectNode topology() {
        ObjectNode zone = F.objectNode();
        ObjectNode zp = object(zone, ScenarioReader.ZONE_KEYS, "name");
        zp.set("name", string());
        zp.set("servers", integer(0).put("maximum", 100));
        zp.set("clients", integer(0));
        zp.set("serversRunClients", bool());
        ObjectNode dc = F.objectNode();
        ObjectNode dp = object(dc, ScenarioReader.DATACENTER_KEYS, "name", "zones");
        dp.set("name", string());
        dp.set("zones", array(zone).put("minItems", 1));
        ObjectNode region = F.objectNode();
        ObjectNode rp = object(region, ScenarioReader.REGION_KEYS, "name", "datacenters");
        rp.set("name", string());
        rp.set("authoritative", bool());
        rp.set("servers", integer(0));
        rp.set("clients", integer(0));
        rp.set("datacenters", array(dc).put("minItems", 1));
        ObjectNode pool = F.objectNode();
        ObjectNode pp = object(pool, ScenarioReader.SERF_POOL_KEYS, "members");
        pp.set("members", integer(1));
        pp.set("zones", array(string()));
        ObjectNode t = F.objectNode();
        ObjectNode tp = object(t, ScenarioReader.TOPOLOGY_KEYS);
        tp.set("regions", array(region).put("minItems", 1));
        tp.set("serfPool", pool);
        t.set("oneOf", F.arrayNode().add(F.objectNode().set("required", F.arrayNode().add("regions")))
                .add(F.objectNode().set("required", F.arrayNode().add("serfPool"))));
        return t;
    }

    private static ObjectNode network() {
        ObjectNode latency = F.objectNode();
        ObjectNode lp = object(latency, ScenarioReader.LINK_CLASS_KEYS);
        ScenarioReader.LINK_CLASS_KEYS.forEach(k -> lp.set(k, ref("distribution")));
        ObjectNode bandwidth = keysOnly(ScenarioReader.LINK_CLASS_KEYS);
        ObjectNode override = F.objectNode();
        ObjectNode op = object(override, ScenarioReader.OVERRIDE_KEYS, "between", "latency");
        op.set("between", array(string()).put("minItems", 2).put("maxItems", 2));
        op.set("latency", ref("distribution"));
        ObjectNode n = F.objectNode();
        ObjectNode np = object(n, ScenarioReader.NETWORK_KEYS);
        np.set("latency", latency);
        np.set("bandwidth", bandwidth);
        np.set("lossProbability", number(0).put("maximum", 1));
        np.set("duplicationProbability", number(0).put("maximum", 1));
        np.set("overrides", array(override));
        return n;
    }

    private static ObjectNode raft() {
        java.util.Set<String> all = new java.util.TreeSet<>(RaftSettingsReader.HASHICORP_KEYS);
        all.addAll(RaftSettingsReader.ETCD_KEYS);
        all.addAll(RaftSettingsReader.CUSTOM_KEYS);
        ObjectNode n = F.objectNode();
        ObjectNode p = object(n, List.copyOf(all));
        p.set("profile", oneWord(RaftSettingsReader.PROFILES));
        p.set("preVote", bool());
        p.set("checkQuorum", bool());
        return n;
    }

    private static ObjectNode nomad() {
        ObjectNode n = F.objectNode();
        ObjectNode p = object(n, NomadSettingsReader.KEYS);
        p.set("leaveOnTerminate", bool());
        p.set("leaveOnInterrupt", bool());
        p.set("autopilot", keysOnly(NomadSettingsReader.AUTOPILOT_KEYS));
        return n;
    }

    private static ObjectNode disk() {
        ObjectNode disk = F.objectNode();
        ObjectNode dp = object(disk, ScenarioReader.DISK_KEYS);
        dp.set("fsync", ref("distribution"));
        dp.set("iops", number(0));
        return disk;
    }

    private static ObjectNode capacity() {
        ObjectNode n = F.objectNode();
        ObjectNode p = object(n, CapacityReader.KEYS);
        p.set("instance", string());
        ObjectNode instances = F.objectNode().put("type", "object");
        ObjectNode instance = F.objectNode();
        ObjectNode ip = object(instance, CapacityReader.INSTANCE_KEYS, "cores", "memory");
        ip.set("cores", integer(1));
        ip.set("disk", disk());
        ip.set("nic", string().put("description", "a bandwidth such as 10Gbit/s or 500MB/s"));
        instances.set("additionalProperties", instance);
        p.set("instances", instances);
        ObjectNode costs = F.objectNode();
        ObjectNode cp = object(costs, CapacityReader.COST_KEYS);
        for (String k : CapacityReader.COST_KEYS) {
            cp.set(k, ref("distribution"));
        }
        p.set("costs", costs);
        ObjectNode slo = F.objectNode();
        ObjectNode sp = object(slo, CapacityReader.SLO_KEYS);
        sp.set("commitP99", ref("duration"));
        sp.set("nodesFalselyMarkedDown", integer(0));
        sp.set("writeAvailability", number(0).put("maximum", 1));
        sp.set("headroom", number(0).put("maximum", 0.95));
        p.set("slo", slo);
        return n;
    }

    private static ObjectNode clients() {
        ObjectNode n = F.objectNode();
        ObjectNode p = object(n, ClientsReader.CLIENT_KEYS);
        ObjectNode zones = F.objectNode().put("type", "object");
        zones.set("additionalProperties", keysOnly(ClientsReader.ZONE_FINGERPRINT_KEYS));
        p.set("zones", zones);
        return n;
    }

    private static ObjectNode job() {
        ObjectNode disconnect = keysOnly(JobsReader.DISCONNECT_KEYS);
        ObjectNode constraint = keysOnly(JobsReader.CONSTRAINT_KEYS);
        ObjectNode group = F.objectNode();
        ObjectNode gp = object(group, JobsReader.GROUP_KEYS, "name");
        gp.set("name", string());
        gp.set("count", integer(0));
        gp.set("constraints", array(constraint));
        gp.set("disconnect", disconnect);
        ObjectNode job = F.objectNode();
        ObjectNode jp = object(job, JobsReader.JOB_KEYS, "name");
        jp.set("name", string());
        jp.set("type", oneWord(List.of("service", "batch", "system")));
        jp.set("groups", array(group));
        return job;
    }

    private static ObjectNode probes() {
        ObjectNode n = F.objectNode();
        ObjectNode p = object(n, ProbesReader.KEYS);
        p.set("interval", ref("duration"));
        p.set("timeout", ref("duration"));
        p.set("kinds", array(string()));
        return n;
    }

    private static ObjectNode expect() {
        ObjectNode n = F.objectNode();
        ObjectNode p = object(n, ExpectationsReader.KEYS);
        p.set("writesRecoverWithin", ref("duration"));
        p.set("allocationsPlacedWithin", ref("duration"));
        p.set("noNodeFalselyMarkedDown", bool());
        p.set("maxLeaderChanges", integer(0));
        p.set("minWriteAvailability", number(0).put("maximum", 1));
        n.put("minProperties", 1);
        return n;
    }

    /** A failure entry: triggers, a duration, and exactly one action. */
    private static ObjectNode failure() {
        java.util.List<String> keys = new java.util.ArrayList<>(FailuresReader.TRIGGER_KEYS);
        keys.addAll(FailuresReader.ACTIONS);
        ObjectNode f = F.objectNode();
        ObjectNode p = object(f, keys);
        p.set("at", ref("duration"));
        p.set("for", ref("duration"));
        p.set("delay", ref("duration"));
        p.set("after", ref("distribution"));
        p.set("within", array(ref("duration")).put("minItems", 2).put("maxItems", 2));
        ObjectNode conditions = keysOnly(FailuresReader.CONDITION_KEYS);
        p.set("when", F.objectNode().set("anyOf", F.arrayNode().add(F.objectNode().put("const", "firstElection")).add(conditions)));
        for (String a : List.of("crash", "kill", "restart", "pause", "stop", "interrupt", "isolate", "stallDisk")) {
            p.set(a, ref("target"));
        }
        p.set("forceLeave", string());
        p.set("heal", F.objectNode().put("const", "all"));
        ObjectNode degrade = keysOnly(FailuresReader.DEGRADE_KEYS);
        ((ObjectNode) degrade.get("properties")).set("links", oneWord(FailuresReader.LINK_CLASSES));
        p.set("degrade", degrade);
        p.set("dropMessages", keysOnly(FailuresReader.DROP_MESSAGES_KEYS));
        p.set("delayMessages", keysOnly(FailuresReader.DELAY_MESSAGES_KEYS));
        p.set("slowProcessing", keysOnly(FailuresReader.SLOW_PROCESSING_KEYS));
        p.set("slowDisk", keysOnly(FailuresReader.SLOW_DISK_KEYS));
        p.set("rollingRestart", keysOnly(FailuresReader.ROLLING_RESTART_KEYS));
        ObjectNode process = keysOnly(FailureProcessReader.KEYS);
        ((ObjectNode) process.get("properties")).set("scope", oneWord(FailureProcessReader.SCOPES));
        p.set("randomFailures", process);
        p.set("partition", F.objectNode().set("anyOf", F.arrayNode().add(array(array(string())).put("minItems", 2))
                .add(keysOnly(FailuresReader.PARTITION_KEYS))));
        // Exactly one action per entry.
        ArrayNode one = f.putArray("oneOf");
        for (String a : FailuresReader.ACTIONS) {
            one.add(F.objectNode().set("required", F.arrayNode().add(a)));
        }
        return f;
    }
}
