package io.clustersim.raft.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RaftConfigTest {
    @Test
    void when_hashicorpDefaults_then_theyMatchRaftDefaultConfig() {
        RaftConfig c = RaftConfig.hashicorp();
        TimingProfile.Hashicorp t = (TimingProfile.Hashicorp) c.timing();
        assertThat(t.heartbeatTimeoutNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(t.electionTimeoutNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(t.leaderLeaseTimeoutNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(t.commitTimeoutNanos()).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(t.preVote()).isTrue();
        assertThat(c.maxAppendEntries()).isEqualTo(64);
        assertThat(c.snapshotThreshold()).isEqualTo(8192);
        assertThat(c.trailingLogs()).isEqualTo(10240);
        assertThat(c.snapshotIntervalNanos()).isEqualTo(Duration.ofSeconds(120).toNanos());
    }

    @Test
    void when_oneTimeoutChanges_then_theOthersStay() {
        TimingProfile.Hashicorp t = TimingProfile.Hashicorp.defaults().withLeaderLeaseTimeout(Duration.ofMillis(100))
                .withHeartbeatTimeout(Duration.ofMillis(200)).withElectionTimeout(Duration.ofMillis(300))
                .withCommitTimeout(Duration.ofMillis(5));
        assertThat(t).isEqualTo(TimingProfile.Hashicorp.of(Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(100), Duration.ofMillis(5), true));
    }

    @Test
    void when_timeoutsBreakHashicorpValidation_then_theyAreRefused() {
        TimingProfile.Hashicorp d = TimingProfile.Hashicorp.defaults();
        // The messages name the scenario keys, not hashicorp/raft's Go fields.
        assertThatThrownBy(() -> d.withLeaderLeaseTimeout(Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.key()).isEqualTo("leaderLeaseTimeout"))
                .hasMessage("leaderLeaseTimeout: expected at most heartbeatTimeout (1000ms), got 2000ms");
        assertThatThrownBy(() -> d.withElectionTimeout(Duration.ofMillis(500)))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.key()).isEqualTo("electionTimeout"));
        assertThatThrownBy(() -> d.withCommitTimeout(Duration.ZERO))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.key()).isEqualTo("commitTimeout"));
        assertThatThrownBy(() -> RaftConfig.hashicorp().withMaxAppendEntries(2000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_customHeartbeatIsNotBelowTheElectionTimeout_then_itIsRefused() {
        // A follower must hear a heartbeat before its shortest timeout (paper, section 5.6).
        assertThatThrownBy(() -> RaftConfig.custom(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(150)))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> {
                    assertThat(e.key()).isEqualTo("heartbeatInterval");
                    assertThat(e.problem()).isEqualTo(
                            "expected a heartbeat interval below the shortest election timeout (150ms), got 150ms");
                });
        assertThat(RaftConfig.custom(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(149))).isNotNull();
    }

    @Test
    void when_etcdTicksAreInconsistent_then_theKeyIsNamed() {
        assertThatThrownBy(() -> TimingProfile.Etcd.defaults().withTicks(10, 10))
                .isInstanceOfSatisfying(InvalidSetting.class, e -> assertThat(e.key()).isEqualTo("electionTicks"));
    }

    @Test
    void when_profilesAreBuilt_then_everyParameterCanBeSet() {
        RaftConfig c = RaftConfig.of(TimingProfile.Hashicorp.of(Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(100), Duration.ofMillis(10), true).withPreVote(false))
                .withMaxAppendEntries(32).withSnapshotThreshold(100).withTrailingLogs(50)
                .withSnapshotInterval(Duration.ofSeconds(5)).withClientRouting(ClientRouting.FORWARD);
        assertThat(c.timing().preVote()).isFalse();
        assertThat(((TimingProfile.Hashicorp) c.timing()).heartbeatIntervalNanos()).isEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(RaftConfig.custom(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(50)).timing())
                .isEqualTo(TimingProfile.Custom.paper());
        assertThat(TimingProfile.Etcd.defaults().withTicks(2, 20).withTick(Duration.ofMillis(50)).withCheckQuorum(false)
                .minElectionDelayNanos()).isEqualTo(Duration.ofMillis(950).toNanos());
    }
}
