package io.clustersim.scenarios.schema;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.config.ProbeTargets;
import io.clustersim.gossip.config.SerfConfig;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.time.Duration;
import java.util.List;

/**
 * Reads the {@code gossip:} section: a memberlist profile ({@code lan}, {@code wan} or
 * {@code nomad-server}, which is WAN plus Nomad's Serf overrides), Lifeguard on or off, and any
 * memberlist or Serf parameter by its Go name in lower camel case, so a scenario can mirror a real
 * agent's configuration:
 * <pre>
 *   gossip: { profile: lan, lifeguard: true, probeInterval: 1s, suspicionMult: 4, reconnectTimeout: 24h }
 * </pre>
 */
final class GossipSettingsReader {
    /** The keys the reader takes here; the JSON Schema lists the same. */
    static final List<String> KEYS = List.of("profile", "lifeguard", "probeInterval", "probeTimeout", "suspicionMult", "suspicionMaxTimeoutMult", "indirectChecks", "retransmitMult", "gossipInterval", "gossipNodes", "pushPullInterval", "gossipToTheDeadTime", "awarenessMaxMultiplier", "tcpTimeout", "disableTcpPings", "probeTargets", "agentStartup", "reconnectTimeout", "tombstoneTimeout", "reapInterval", "reconnectInterval");
    /**
     * How long a restarted agent takes before it gossips and joins through its seeds: loading its
     * state and opening its ports. An assumption to calibrate against a real agent's logs (the
     * time from "starting" to "serf: EventMemberJoin" for itself).
     */
    static final Distribution DEFAULT_AGENT_STARTUP = new Distribution.Uniform(1_000_000_000L, 3_000_000_000L);

    private GossipSettingsReader() {}

    /** lan and wan are memberlist's profiles; nomad-server is what Nomad's servers run. */
    static GossipConfig profile(String profile, YamlMap m) {
        return switch (profile) {
            case "lan" -> GossipConfig.lan();
            case "wan" -> GossipConfig.wan();
            case "nomad-server" -> NomadServerConfig.serverGossip();
            default -> throw InputError.at(m == null ? null : m.require("profile", ""),
                    "expected profile lan, wan or nomad-server, got '" + profile + "'");
        };
    }

    static Distribution agentStartup(YamlNode node) {
        YamlMap m = YamlMap.of(node, "gossip settings");
        return m.get("agentStartup").map(DistributionReader::readDuration).orElse(DEFAULT_AGENT_STARTUP);
    }

    static GossipConfig read(YamlNode node, String defaultProfile) {
        YamlMap m = YamlMap.of(node, "gossip settings").allowOnly(KEYS);
        String profile = m.string("profile", "lan, wan or nomad-server", defaultProfile);
        GossipConfig c = profile(profile, m);
        MemberlistConfig.Builder ml = c.memberlist().toBuilder();
        dur(m, "probeInterval", ml::probeInterval);
        dur(m, "probeTimeout", ml::probeTimeout);
        dur(m, "gossipInterval", ml::gossipInterval);
        dur(m, "pushPullInterval", ml::pushPullInterval);
        dur(m, "gossipToTheDeadTime", ml::gossipToTheDeadTime);
        dur(m, "tcpTimeout", ml::tcpTimeout);
        count(m, "suspicionMult", ml::suspicionMult);
        count(m, "suspicionMaxTimeoutMult", ml::suspicionMaxTimeoutMult);
        count(m, "indirectChecks", ml::indirectChecks);
        count(m, "retransmitMult", ml::retransmitMult);
        count(m, "gossipNodes", ml::gossipNodes);
        count(m, "awarenessMaxMultiplier", ml::awarenessMaxMultiplier);
        if (m.has("disableTcpPings")) {
            ml.disableTcpPings(m.bool("disableTcpPings", false));
        }
        if (m.has("probeTargets")) {
            String t = m.string("probeTargets", "roundRobin or random");
            switch (t) {
                case "roundRobin" -> ml.probeTargets(ProbeTargets.ROUND_ROBIN);
                case "random" -> ml.probeTargets(ProbeTargets.RANDOM);
                default -> throw InputError.at(m.require("probeTargets", ""),
                        "expected roundRobin (memberlist) or random (the SWIM paper), got '" + t + "'");
            }
        }
        SerfConfig.Builder serf = c.serf().toBuilder();
        dur(m, "reconnectTimeout", serf::reconnectTimeout);
        dur(m, "tombstoneTimeout", serf::tombstoneTimeout);
        dur(m, "reapInterval", serf::reapInterval);
        dur(m, "reconnectInterval", serf::reconnectInterval);
        try {
            c = c.withMemberlist(ml.build()).withSerf(serf.build());
            if (m.has("lifeguard")) {
                c = c.withLifeguard(m.bool("lifeguard", true));
            }
        } catch (IllegalArgumentException e) {
            throw InputError.at(node, e.getMessage());
        }
        return c;
    }

    private static void dur(YamlMap m, String key, java.util.function.Consumer<Duration> set) {
        if (m.has(key)) {
            long v = m.durationNanos(key, "the " + key);
            if (v <= 0) {
                throw InputError.at(m.require(key, ""), "expected " + key + " greater than zero");
            }
            set.accept(Duration.ofNanos(v));
        }
    }

    private static void count(YamlMap m, String key, java.util.function.IntConsumer set) {
        if (m.has(key)) {
            set.accept((int) m.integer(key, "the " + key, 0, 1, 1000));
        }
    }
}
