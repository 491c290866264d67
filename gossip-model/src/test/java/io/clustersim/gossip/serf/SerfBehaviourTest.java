package io.clustersim.gossip.serf;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.harness.SerfPoolHarness;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.SerfEvent;
import io.clustersim.gossip.observe.SerfEventType;
import io.clustersim.gossip.pool.StartMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Serf's statuses, events, reaping and reconnecting (serf serf/serf.go), on small LAN pools. */
class SerfBehaviourTest {
    private final List<SerfEvent> events = new ArrayList<>();
    private final GossipObserver recorder = new GossipObserver() {
        @Override
        public void onSerfEvent(SerfEvent event) {
            events.add(event);
        }
    };

    private SerfPoolHarness pool(GossipConfig config, StartMode mode) {
        SerfPoolHarness pool = SerfPoolHarness.builder().size(5).config(config).startMode(mode).seed(11)
                .observer(recorder).build();
        pool.start();
        pool.runFor(Duration.ofSeconds(5));
        events.clear();
        return pool;
    }

    private List<String> observersOf(SerfEventType type, String member) {
        return events.stream().filter(e -> e.type() == type && e.member().equals(member)).map(SerfEvent::observer)
                .sorted().collect(Collectors.toList());
    }

    private static MemberStatus status(SerfPoolHarness pool, String observer, String member) {
        return pool.serf(observer).member(member).map(Member::status).orElse(MemberStatus.NONE);
    }

    @Test
    void joiningThroughASeed_everyoneSeesEveryoneAliveWithJoinEvents() {
        events.clear();
        SerfPoolHarness pool = SerfPoolHarness.builder().size(5).seed(3).observer(recorder).build();
        pool.start();
        assertThat(pool.runUntil(pool::converged, Duration.ofSeconds(30))).isTrue();
        pool.runFor(Duration.ofSeconds(2));
        for (String o : pool.memberNames()) {
            assertThat(pool.serf(o).members()).hasSize(5).allSatisfy(m -> assertThat(m.status()).isEqualTo(MemberStatus.ALIVE));
            assertThat(events.stream().filter(e -> e.observer().equals(o) && e.type() == SerfEventType.MEMBER_JOIN))
                    .hasSize(5); // including itself, as serf reports
        }
        assertThat(pool.metrics().membershipConvergenceSeconds()).hasSize(4).allSatisfy(s -> assertThat(s).isLessThan(5));
    }

    @Test
    void gracefulLeave_endsLeft_notFailed() {
        SerfPoolHarness pool = pool(GossipConfig.lan(), StartMode.PRE_JOINED);
        pool.leave("m5");
        pool.runFor(Duration.ofSeconds(10));
        for (String o : List.of("m1", "m2", "m3", "m4")) {
            assertThat(status(pool, o, "m5")).isEqualTo(MemberStatus.LEFT);
            assertThat(pool.view(o, "m5")).contains(MemberState.LEFT);
        }
        assertThat(observersOf(SerfEventType.MEMBER_LEAVE, "m5")).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(observersOf(SerfEventType.MEMBER_FAILED, "m5")).isEmpty();
        assertThat(pool.serf("m5").state()).isEqualTo(SerfState.SHUTDOWN);
        assertThat(pool.metrics().falseFailures()).isZero();
    }

    @Test
    void aCrash_endsFailed_andIsReapedAfterTheReconnectTimeout() {
        GossipConfig config = GossipConfig.lan().withSerf(s -> s.reconnectTimeout(Duration.ofMinutes(2)));
        SerfPoolHarness pool = pool(config, StartMode.PRE_JOINED);
        pool.crash("m2");
        pool.runFor(Duration.ofSeconds(40));
        for (String o : List.of("m1", "m3", "m4", "m5")) {
            assertThat(status(pool, o, "m2")).isEqualTo(MemberStatus.FAILED);
        }
        assertThat(observersOf(SerfEventType.MEMBER_FAILED, "m2")).containsExactly("m1", "m3", "m4", "m5");
        assertThat(observersOf(SerfEventType.MEMBER_REAP, "m2")).isEmpty();
        // Reaped once failed for longer than ReconnectTimeout, at the next 15 s reaper tick.
        pool.runFor(Duration.ofMinutes(2));
        assertThat(observersOf(SerfEventType.MEMBER_REAP, "m2")).containsExactly("m1", "m3", "m4", "m5");
        assertThat(pool.serf("m1").member("m2")).isEmpty();
    }

    @Test
    void aLeftMember_isReapedAfterTheTombstoneTimeout() {
        GossipConfig config = GossipConfig.lan().withSerf(s -> s.tombstoneTimeout(Duration.ofMinutes(1)));
        SerfPoolHarness pool = pool(config, StartMode.PRE_JOINED);
        pool.leave("m3");
        pool.runFor(Duration.ofSeconds(50));
        assertThat(observersOf(SerfEventType.MEMBER_REAP, "m3")).isEmpty();
        pool.runFor(Duration.ofSeconds(40));
        assertThat(observersOf(SerfEventType.MEMBER_REAP, "m3")).containsExactly("m1", "m2", "m4", "m5");
    }

    @Test
    void newTags_reachEveryoneAsUpdateEvents() {
        SerfPoolHarness pool = pool(GossipConfig.lan(), StartMode.PRE_JOINED);
        Map<String, String> tags = new TreeMap<>(pool.serf("m4").tags());
        tags.put(Tags.ROLE, "client");
        pool.serf("m4").setTags(tags);
        pool.runFor(Duration.ofSeconds(5));
        assertThat(observersOf(SerfEventType.MEMBER_UPDATE, "m4")).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(pool.serf("m1").membersWithTag(Tags.ROLE, SerfPoolBuilder.ROLE_MEMBER)).extracting(Member::name)
                .containsExactly("m1", "m2", "m3", "m5");
        assertThat(pool.serf("m1").member("m4").orElseThrow().tag(Tags.ROLE)).isEqualTo("client");
    }

    @Test
    void aHealedPartition_isMergedAgainByReconnect() {
        SerfPoolHarness pool = pool(GossipConfig.lan(), StartMode.PRE_JOINED);
        var cut = pool.isolate("m1");
        pool.runFor(Duration.ofSeconds(90));
        assertThat(status(pool, "m2", "m1")).isEqualTo(MemberStatus.FAILED);
        assertThat(status(pool, "m1", "m2")).isEqualTo(MemberStatus.FAILED);
        pool.heal(cut);
        assertThat(pool.runUntil(pool::converged, Duration.ofMinutes(5))).isTrue();
        pool.runFor(Duration.ofSeconds(5));
        for (String o : pool.memberNames()) {
            assertThat(pool.serf(o).members()).allSatisfy(m -> assertThat(m.status()).isEqualTo(MemberStatus.ALIVE));
        }
    }

    @Test
    void aRestartedMember_rejoinsAndRefutesItsOldDeath() {
        SerfPoolHarness pool = pool(GossipConfig.lan(), StartMode.PRE_JOINED);
        pool.crash("m2");
        assertThat(pool.runUntil(() -> pool.allLiveSee("m2", MemberState.DEAD), Duration.ofSeconds(40))).isTrue();
        // Restarted before the others forget it (GossipToTheDeadTime): its fresh incarnation 1 is
        // not news to them, so it must learn of its death in the join's push-pull and refute it.
        pool.restart("m2");
        assertThat(pool.runUntil(pool::converged, Duration.ofMinutes(2))).isTrue();
        assertThat(pool.serf("m2").memberlist().incarnation()).isGreaterThan(1);
        assertThat(pool.metrics().membershipConvergenceSeconds()).hasSize(1);
    }
}
