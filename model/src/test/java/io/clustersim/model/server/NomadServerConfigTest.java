package io.clustersim.model.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.raft.config.InvalidSetting;
import io.clustersim.raft.config.TimingProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nomad's presets for its servers' Raft and Serf, against nomad's agent.go and server.go. */
class NomadServerConfigTest {

    @Test
    void when_raftMultiplierIsSet_then_exactlyTheFourTimeoutsScale() {
        TimingProfile.Hashicorp t = NomadServerConfig.raftTiming(3);
        assertThat(t.heartbeatTimeoutNanos()).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(t.electionTimeoutNanos()).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(t.leaderLeaseTimeoutNanos()).isEqualTo(Duration.ofMillis(1500).toNanos());
        assertThat(t.commitTimeoutNanos()).isEqualTo(Duration.ofMillis(150).toNanos());
        assertThat(t.preVote()).isTrue();
    }

    @Test
    void when_raftMultiplierIsZero_then_itMeansOne_andAboveTenIsRefused() {
        assertThat(NomadServerConfig.raftTiming(0)).isEqualTo(NomadServerConfig.raftTiming(1));
        assertThat(NomadServerConfig.raftTiming(1)).isEqualTo(TimingProfile.Hashicorp.defaults());
        assertThatThrownBy(() -> NomadServerConfig.raftTiming(11)).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("1 to 10");
    }

    @Test
    void when_serversGossip_then_theyUseTheWanProfileWithA72HourReconnectTimeout() {
        var g = NomadServerConfig.serverGossip();
        assertThat(g.memberlist()).isEqualTo(MemberlistConfig.wan());
        assertThat(g.serf().reconnectTimeout()).isEqualTo(Duration.ofHours(72));
        assertThat(g.serf().tombstoneTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(g.serf().leavePropagateDelay()).isEqualTo(Duration.ofSeconds(1));
    }
}
