package io.clustersim.gossip.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Profiles carry memberlist's and Serf's real defaults (memberlist config.go DefaultLANConfig and DefaultWANConfig; serf serf/config.go DefaultConfig). */
class GossipConfigTest {

    @Test
    void lanProfile_hasMemberlistDefaultLanConfig() {
        MemberlistConfig c = GossipConfig.lan().memberlist();
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.suspicionMult()).isEqualTo(4);
        assertThat(c.suspicionMaxTimeoutMult()).isEqualTo(6);
        assertThat(c.indirectChecks()).isEqualTo(3);
        assertThat(c.retransmitMult()).isEqualTo(4);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.gossipNodes()).isEqualTo(3);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.awarenessMaxMultiplier()).isEqualTo(8);
        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.lifeguard()).isTrue();
    }

    @Test
    void wanProfile_hasMemberlistDefaultWanConfig() {
        MemberlistConfig c = GossipConfig.wan().memberlist();
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.suspicionMult()).isEqualTo(6);
        assertThat(c.suspicionMaxTimeoutMult()).isEqualTo(6);
        assertThat(c.indirectChecks()).isEqualTo(3);
        assertThat(c.retransmitMult()).isEqualTo(4);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.gossipNodes()).isEqualTo(4);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.awarenessMaxMultiplier()).isEqualTo(8);
        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void serfDefaults_andNomadOverride() {
        SerfConfig s = SerfConfig.defaults();
        assertThat(s.reconnectTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(s.tombstoneTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(s.reapInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.reconnectInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.broadcastTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.leavePropagateDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.recentIntentTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyParameter_canBeOverridden_withoutTouchingTheOthers() {
        GossipConfig c = GossipConfig.lan()
                .withMemberlist(m -> m.probeInterval(Duration.ofSeconds(2)).indirectChecks(5))
                .withSerf(s -> s.reconnectTimeout(Duration.ofMinutes(10)))
                .withLifeguard(false);
        assertThat(c.memberlist().probeInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.memberlist().indirectChecks()).isEqualTo(5);
        assertThat(c.memberlist().lifeguard()).isFalse();
        assertThat(c.memberlist().probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.serf().reconnectTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.serf().tombstoneTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(c.profile()).isEqualTo("lan");
    }

    @Test
    void profilesByName() {
        assertThat(GossipConfig.profile("wan")).isEqualTo(GossipConfig.wan());
        assertThat(GossipConfig.profile("lan")).isEqualTo(GossipConfig.lan());
        assertThatThrownBy(() -> GossipConfig.profile("lan2")).hasMessageContaining("expected lan or wan");
    }

    @Test
    void invalidParameters_areRejected() {
        assertThatThrownBy(() -> MemberlistConfig.lan().toBuilder().probeInterval(Duration.ZERO).build())
                .hasMessageContaining("probeInterval");
        assertThatThrownBy(() -> MemberlistConfig.lan().toBuilder().suspicionMult(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerfConfig.defaults().toBuilder().reapInterval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
