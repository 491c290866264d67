package io.clustersim.scenarios.schema;

import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.server.AutopilotConfig;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.time.Duration;
import java.util.List;

/**
 * Reads the {@code nomad:} section, the server agents' settings, each defaulting to Nomad's:
 * <pre>
 *   nomad:
 *     bootstrapExpect: 3          # default: the region's number of servers
 *     leaveOnTerminate: false     # SIGTERM (a stop) leaves gracefully only if true
 *     leaveOnInterrupt: false     # SIGINT likewise
 *     rpcHoldTimeout: 5s
 *     reconcileInterval: 60s
 *     retryJoinInterval: 30s
 *     agentStartup: { uniform: [1s, 3s] }   # a restarted agent's start-up before it serves
 *     stateSize: 0MB              # state that exists already (it sizes the snapshots)
 *     autopilot: { cleanupDeadServers: true, lastContactThreshold: 200ms, maxTrailingLogs: 250,
 *                  serverStabilizationTime: 10s, minQuorum: 0 }
 * </pre>
 */
final class NomadSettingsReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> KEYS = List.of("bootstrapExpect", "leaveOnTerminate", "leaveOnInterrupt", "rpcHoldTimeout", "reconcileInterval", "retryJoinInterval", "agentStartup", "stateSize", "autopilot");
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> AUTOPILOT_KEYS = List.of("cleanupDeadServers", "lastContactThreshold", "maxTrailingLogs", "serverStabilizationTime", "minQuorum");
    /** A restarted agent loads its state and opens its ports first: an assumption to calibrate. */
    static final Distribution DEFAULT_AGENT_STARTUP = GossipSettingsReader.DEFAULT_AGENT_STARTUP;

    private NomadSettingsReader() {}

    static NomadServerConfig read(YamlNode node, NomadServerConfig base) {
        YamlMap m = YamlMap.of(node, "Nomad server settings").allowOnly(KEYS);
        NomadServerConfig c = base;
        c = c.withBootstrapExpect((int) m.integer("bootstrapExpect", "the number of servers to wait for before bootstrapping",
                base.bootstrapExpect(), 0, 100));
        c = c.withLeave(m.bool("leaveOnTerminate", base.leaveOnTerminate()), m.bool("leaveOnInterrupt", base.leaveOnInterrupt()));
        Duration hold = positive(m, "rpcHoldTimeout", base.rpcHoldTimeout());
        Duration reconcile = positive(m, "reconcileInterval", base.reconcileInterval());
        Duration retry = positive(m, "retryJoinInterval", base.retryJoinInterval());
        c = c.withTimes(retry, hold, reconcile);
        Distribution startup = m.get("agentStartup").map(DistributionReader::readDuration).orElse(base.agentStartup());
        long state = m.get("stateSize").map(v -> Sizes.bytes(v, "a state size such as 500MB")).orElse(base.stateBaseBytes());
        c = c.withState(state, startup);
        if (m.has("autopilot")) {
            c = c.withAutopilot(autopilot(m.require("autopilot", ""), base.autopilot()));
        }
        return c;
    }

    private static AutopilotConfig autopilot(YamlNode node, AutopilotConfig d) {
        YamlMap m = YamlMap.of(node, "autopilot settings").allowOnly(AUTOPILOT_KEYS);
        return new AutopilotConfig(m.bool("cleanupDeadServers", d.cleanupDeadServers()),
                Duration.ofNanos(m.durationNanos("lastContactThreshold", "how stale a server's last contact may be",
                        d.lastContactThreshold().toNanos())),
                m.integer("maxTrailingLogs", "how many entries a healthy server may lag", d.maxTrailingLogs(), 0,
                        Long.MAX_VALUE),
                Duration.ofNanos(m.durationNanos("serverStabilizationTime", "how long a new server must stay healthy",
                        d.serverStabilizationTime().toNanos())),
                (int) m.integer("minQuorum", "the fewest voters pruning may leave", d.minQuorum(), 0, 100),
                d.serverHealthInterval(), d.interval());
    }

    private static Duration positive(YamlMap m, String key, Duration fallback) {
        long v = m.durationNanos(key, "the " + key, fallback.toNanos());
        if (v <= 0) {
            throw InputError.at(m.require(key, ""), "expected " + key + " greater than zero");
        }
        return Duration.ofNanos(v);
    }
}
