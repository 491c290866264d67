package io.clustersim.gossip.config;

import java.time.Duration;
import java.util.Objects;

/**
 * memberlist's parameters (memberlist {@code config.go}). Build one from a
 * profile and override what you need:
 *
 * <pre>{@code
 * MemberlistConfig c = MemberlistConfig.lan().toBuilder().probeInterval(Duration.ofSeconds(2)).build();
 * }</pre>
 *
 * @param probeInterval           how often a member probes one other member
 * @param probeTimeout            how long to wait for a direct ack before probing indirectly
 *                                (not scaled by awareness)
 * @param suspicionMult           multiplier of the suspicion timeout's lower bound
 * @param suspicionMaxTimeoutMult upper bound of the suspicion timeout, as a multiple of the lower
 * @param indirectChecks          how many members are asked to ping a target indirectly
 * @param retransmitMult          an update is sent {@code retransmitMult * ceil(log10(n+1))} times
 * @param gossipInterval          how often pending updates are gossiped
 * @param gossipNodes             to how many random members each gossip round goes
 * @param pushPullInterval        full state sync interval, before scaling with cluster size
 * @param gossipToTheDeadTime     how long dead members keep receiving gossip (and stay listed)
 * @param awarenessMaxMultiplier  the probe window may stretch to this multiple (Lifeguard)
 * @param tcpTimeout              stream (push-pull, join) timeout
 * @param udpBufferSize           bytes in one gossip packet, which bounds piggybacking
 * @param disableTcpPings         turns off the stream fallback ping of a failed probe
 * @param lifeguard               our switch (not memberlist's): false gives plain SWIM, i.e. no
 *                                awareness, no nacks, no suspicion confirmations (a fixed timeout
 *                                at the lower bound) and no suspect message sent to the suspect
 * @param probeTargets            our switch too: memberlist's round-robin (the default) or the
 *                                SWIM paper's uniformly random probe target
 */
public record MemberlistConfig(
        Duration probeInterval,
        Duration probeTimeout,
        int suspicionMult,
        int suspicionMaxTimeoutMult,
        int indirectChecks,
        int retransmitMult,
        Duration gossipInterval,
        int gossipNodes,
        Duration pushPullInterval,
        Duration gossipToTheDeadTime,
        int awarenessMaxMultiplier,
        Duration tcpTimeout,
        int udpBufferSize,
        boolean disableTcpPings,
        boolean lifeguard,
        ProbeTargets probeTargets) {

    public MemberlistConfig {
        Objects.requireNonNull(probeTargets, "probeTargets");
        positive(probeInterval, "probeInterval");
        positive(probeTimeout, "probeTimeout");
        positive(gossipInterval, "gossipInterval");
        positive(pushPullInterval, "pushPullInterval");
        positive(tcpTimeout, "tcpTimeout");
        Objects.requireNonNull(gossipToTheDeadTime, "gossipToTheDeadTime");
        if (gossipToTheDeadTime.isNegative()) {
            throw new IllegalArgumentException("gossipToTheDeadTime must not be negative");
        }
        if (suspicionMult < 1 || suspicionMaxTimeoutMult < 1 || awarenessMaxMultiplier < 1) {
            throw new IllegalArgumentException("suspicionMult, suspicionMaxTimeoutMult and awarenessMaxMultiplier must be >= 1");
        }
        if (indirectChecks < 0 || retransmitMult < 1 || gossipNodes < 0 || udpBufferSize < 64) {
            throw new IllegalArgumentException(
                    "need indirectChecks >= 0, retransmitMult >= 1, gossipNodes >= 0, udpBufferSize >= 64");
        }
    }

    /** memberlist {@code DefaultLANConfig}: 1 s probes, 500 ms probe timeout, 200 ms gossip to 3. */
    public static MemberlistConfig lan() {
        return new MemberlistConfig(
                Duration.ofSeconds(1), Duration.ofMillis(500), 4, 6, 3, 4,
                Duration.ofMillis(200), 3, Duration.ofSeconds(30), Duration.ofSeconds(30),
                8, Duration.ofSeconds(10), 1400, false, true, ProbeTargets.ROUND_ROBIN);
    }

    /**
     * memberlist {@code DefaultWANConfig}, which Nomad servers use: LAN with 5 s probes, 3 s probe
     * timeout, suspicion multiplier 6, 500 ms gossip to 4, 60 s push-pull and gossip-to-the-dead,
     * 30 s TCP timeout.
     */
    public static MemberlistConfig wan() {
        return lan().toBuilder()
                .tcpTimeout(Duration.ofSeconds(30))
                .suspicionMult(6)
                .pushPullInterval(Duration.ofSeconds(60))
                .probeTimeout(Duration.ofSeconds(3))
                .probeInterval(Duration.ofSeconds(5))
                .gossipNodes(4)
                .gossipInterval(Duration.ofMillis(500))
                .gossipToTheDeadTime(Duration.ofSeconds(60))
                .build();
    }

    public MemberlistConfig withLifeguard(boolean enabled) {
        return toBuilder().lifeguard(enabled).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** Mutable builder; start from {@link #toBuilder()} of a profile. */
    public static final class Builder {
        private Duration probeInterval;
        private Duration probeTimeout;
        private int suspicionMult;
        private int suspicionMaxTimeoutMult;
        private int indirectChecks;
        private int retransmitMult;
        private Duration gossipInterval;
        private int gossipNodes;
        private Duration pushPullInterval;
        private Duration gossipToTheDeadTime;
        private int awarenessMaxMultiplier;
        private Duration tcpTimeout;
        private int udpBufferSize;
        private boolean disableTcpPings;
        private boolean lifeguard;
        private ProbeTargets probeTargets;

        private Builder(MemberlistConfig c) {
            probeInterval = c.probeInterval;
            probeTimeout = c.probeTimeout;
            suspicionMult = c.suspicionMult;
            suspicionMaxTimeoutMult = c.suspicionMaxTimeoutMult;
            indirectChecks = c.indirectChecks;
            retransmitMult = c.retransmitMult;
            gossipInterval = c.gossipInterval;
            gossipNodes = c.gossipNodes;
            pushPullInterval = c.pushPullInterval;
            gossipToTheDeadTime = c.gossipToTheDeadTime;
            awarenessMaxMultiplier = c.awarenessMaxMultiplier;
            tcpTimeout = c.tcpTimeout;
            udpBufferSize = c.udpBufferSize;
            disableTcpPings = c.disableTcpPings;
            lifeguard = c.lifeguard;
            probeTargets = c.probeTargets;
        }

        public Builder probeInterval(Duration v) { probeInterval = v; return this; }
        public Builder probeTimeout(Duration v) { probeTimeout = v; return this; }
        public Builder suspicionMult(int v) { suspicionMult = v; return this; }
        public Builder suspicionMaxTimeoutMult(int v) { suspicionMaxTimeoutMult = v; return this; }
        public Builder indirectChecks(int v) { indirectChecks = v; return this; }
        public Builder retransmitMult(int v) { retransmitMult = v; return this; }
        public Builder gossipInterval(Duration v) { gossipInterval = v; return this; }
        public Builder gossipNodes(int v) { gossipNodes = v; return this; }
        public Builder pushPullInterval(Duration v) { pushPullInterval = v; return this; }
        public Builder gossipToTheDeadTime(Duration v) { gossipToTheDeadTime = v; return this; }
        public Builder awarenessMaxMultiplier(int v) { awarenessMaxMultiplier = v; return this; }
        public Builder tcpTimeout(Duration v) { tcpTimeout = v; return this; }
        public Builder udpBufferSize(int v) { udpBufferSize = v; return this; }
        public Builder disableTcpPings(boolean v) { disableTcpPings = v; return this; }
        public Builder lifeguard(boolean v) { lifeguard = v; return this; }
        public Builder probeTargets(ProbeTargets v) { probeTargets = v; return this; }

        public MemberlistConfig build() {
            return new MemberlistConfig(probeInterval, probeTimeout, suspicionMult, suspicionMaxTimeoutMult,
                    indirectChecks, retransmitMult, gossipInterval, gossipNodes, pushPullInterval,
                    gossipToTheDeadTime, awarenessMaxMultiplier, tcpTimeout, udpBufferSize, disableTcpPings,
                    lifeguard, probeTargets);
        }
    }
}
