package io.clustersim.gossip.config;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Serf agent's whole configuration: its memberlist and its Serf layer.
 *
 * <pre>{@code
 * GossipConfig c = GossipConfig.lan()
 *         .withMemberlist(m -> m.probeInterval(Duration.ofSeconds(2)))
 *         .withSerf(s -> s.reconnectTimeout(Duration.ofHours(1)))
 *         .withLifeguard(false);
 * }</pre>
 */
public record GossipConfig(String profile, MemberlistConfig memberlist, SerfConfig serf) {

    public GossipConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(memberlist, "memberlist");
        Objects.requireNonNull(serf, "serf");
    }

    /** memberlist's LAN defaults with Serf's defaults (a plain Serf LAN pool, as Consul agents use). */
    public static GossipConfig lan() {
        return new GossipConfig("lan", MemberlistConfig.lan(), SerfConfig.defaults());
    }

    /** memberlist's WAN defaults with Serf's defaults. */
    public static GossipConfig wan() {
        return new GossipConfig("wan", MemberlistConfig.wan(), SerfConfig.defaults());
    }

    /** A profile by name: {@code lan} or {@code wan}. */
    public static GossipConfig profile(String name) {
        switch (name) {
            case "lan":
                return lan();
            case "wan":
                return wan();
            default:
                throw new IllegalArgumentException("unknown gossip profile '" + name + "'; expected lan or wan");
        }
    }

    public GossipConfig withMemberlist(MemberlistConfig m) {
        return new GossipConfig(profile, m, serf);
    }

    public GossipConfig withMemberlist(UnaryOperator<MemberlistConfig.Builder> change) {
        return withMemberlist(change.apply(memberlist.toBuilder()).build());
    }

    public GossipConfig withSerf(SerfConfig s) {
        return new GossipConfig(profile, memberlist, s);
    }

    public GossipConfig withSerf(UnaryOperator<SerfConfig.Builder> change) {
        return withSerf(change.apply(serf.toBuilder()).build());
    }

    /** Lifeguard on (memberlist's behaviour) or off (plain SWIM); see {@link MemberlistConfig#lifeguard()}. */
    public GossipConfig withLifeguard(boolean enabled) {
        return withMemberlist(memberlist.withLifeguard(enabled));
    }
}
