package io.clustersim.scenarios.schema;

import io.clustersim.model.server.NomadServerConfig;
import io.clustersim.raft.config.InvalidSetting;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.config.TimingProfile;
import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.time.Duration;
import java.util.List;

/**
 * Reads the {@code raft:} section. Three timing profiles:
 * <pre>
 *   raft: { profile: hashicorp, multiplier: 1, preVote: true,          # Nomad's defaults
 *           heartbeatTimeout: 1s, electionTimeout: 1s, leaderLeaseTimeout: 500ms, commitTimeout: 50ms }
 *   raft: { profile: etcd, tick: 100ms, heartbeatTicks: 1, electionTicks: 10, preVote: true, checkQuorum: true }
 *   raft: { profile: custom, electionTimeout: { uniform: [150ms, 300ms] }, heartbeatInterval: 50ms }
 * </pre>
 * Common to all: {@code maxAppendEntries}, {@code snapshotThreshold}, {@code trailingLogs},
 * {@code snapshotInterval}. Unset values keep the profile's defaults.
 */
final class RaftSettingsReader {
    private RaftSettingsReader() {}

    static RaftConfig read(YamlNode node) {
        YamlMap m = YamlMap.of(node, "Raft settings");
        String profile = m.string("profile", "hashicorp, etcd or custom", "hashicorp");
        TimingProfile timing;
        try {
            timing = switch (profile) {
                case "hashicorp" -> hashicorp(m.allowOnly(HASHICORP_KEYS));
                case "etcd" -> etcd(m.allowOnly(ETCD_KEYS));
                case "custom" -> custom(m.allowOnly(CUSTOM_KEYS));
                default -> throw InputError.at(m.require("profile", ""), "expected profile hashicorp, etcd or custom, got '" + profile + "'");
            };
        } catch (InvalidSetting e) {
            throw InputError.at(m.get(e.key()).orElse(node), e.problem());
        }
        RaftConfig c = RaftConfig.of(timing);
        // Nomad's Raft: 2 snapshots kept, 8192-entry threshold and 10240 trailing logs are raft's own defaults.
        try {
            c = c.withMaxAppendEntries((int) m.integer("maxAppendEntries", "entries per AppendEntries", c.maxAppendEntries(), 1, 1024));
            c = c.withSnapshotThreshold(m.integer("snapshotThreshold", "entries between snapshots", c.snapshotThreshold(), 1, Long.MAX_VALUE));
            c = c.withTrailingLogs(m.integer("trailingLogs", "entries kept after a snapshot", c.trailingLogs(), 0, Long.MAX_VALUE));
            c = c.withSnapshotInterval(Duration.ofNanos(m.durationNanos("snapshotInterval", "how often to check for a snapshot", c.snapshotIntervalNanos())));
        } catch (IllegalArgumentException e) {
            throw InputError.at(node, e.getMessage());
        }
        return c;
    }

    /** The profiles and the keys each takes (the JSON Schema lists the same). */
    static final List<String> PROFILES = List.of("hashicorp", "etcd", "custom");
    static final List<String> HASHICORP_KEYS = common("profile", "multiplier", "preVote", "heartbeatTimeout", "electionTimeout",
            "leaderLeaseTimeout", "commitTimeout");
    static final List<String> ETCD_KEYS = common("profile", "tick", "heartbeatTicks", "electionTicks", "preVote", "checkQuorum");
    static final List<String> CUSTOM_KEYS = common("profile", "electionTimeout", "heartbeatInterval", "preVote", "checkQuorum");

    private static List<String> common(String... keys) {
        List<String> all = new java.util.ArrayList<>(List.of(keys));
        all.addAll(List.of("maxAppendEntries", "snapshotThreshold", "trailingLogs", "snapshotInterval"));
        return List.copyOf(all);
    }

    private static TimingProfile hashicorp(YamlMap m) {
        int multiplier = (int) m.integer("multiplier", "Nomad's raft_multiplier", 1, 1, 10);
        TimingProfile.Hashicorp h = NomadServerConfig.raftTiming(multiplier);
        long ht = m.durationNanos("heartbeatTimeout", "the heartbeat timeout", h.heartbeatTimeoutNanos());
        long et = m.durationNanos("electionTimeout", "the election timeout", h.electionTimeoutNanos());
        long lease = m.durationNanos("leaderLeaseTimeout", "the leader lease timeout", h.leaderLeaseTimeoutNanos());
        long commit = m.durationNanos("commitTimeout", "the commit timeout", h.commitTimeoutNanos());
        return new TimingProfile.Hashicorp(ht, et, lease, commit, m.bool("preVote", true));
    }

    private static TimingProfile etcd(YamlMap m) {
        TimingProfile.Etcd e = TimingProfile.Etcd.defaults();
        e = e.withTick(Duration.ofNanos(m.durationNanos("tick", "the tick", e.tickNanos())));
        e = e.withTicks((int) m.integer("heartbeatTicks", "ticks between heartbeats", e.heartbeatTick(), 1, 1_000_000),
                (int) m.integer("electionTicks", "ticks before an election", e.electionTick(), 2, 1_000_000));
        return e.withPreVote(m.bool("preVote", e.preVote())).withCheckQuorum(m.bool("checkQuorum", e.checkQuorum()));
    }

    private static TimingProfile custom(YamlMap m) {
        YamlNode range = m.require("electionTimeout", "the election timeout range, e.g. { uniform: [150ms, 300ms] }");
        YamlMap r = YamlMap.of(range, "{ uniform: [min, max] }").allowOnly("uniform");
        YamlNode bounds = r.require("uniform", "[min, max]");
        if (!(bounds instanceof YamlNode.Sequence s) || s.items().size() != 2) {
            throw InputError.at(bounds, "expected [min, max]");
        }
        long lo = YamlMap.asDuration(s.items().get(0), "the shortest election timeout");
        long hi = YamlMap.asDuration(s.items().get(1), "the longest election timeout");
        long hb = m.durationNanos("heartbeatInterval", "the heartbeat interval");
        TimingProfile.Custom c = TimingProfile.Custom.of(Duration.ofNanos(lo), Duration.ofNanos(hi), Duration.ofNanos(hb));
        return c.withPreVote(m.bool("preVote", c.preVote())).withCheckQuorum(m.bool("checkQuorum", c.checkQuorum()));
    }
}
