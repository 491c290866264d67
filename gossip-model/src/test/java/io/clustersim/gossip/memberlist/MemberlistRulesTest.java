package io.clustersim.gossip.memberlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.Gossip;
import io.clustersim.gossip.message.IndirectPing;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Nack;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.PushNodeState;
import io.clustersim.gossip.message.PushPullRequest;
import io.clustersim.gossip.message.PushPullResponse;
import io.clustersim.gossip.message.StreamPing;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.message.Update;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.observe.Refutation;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One test per memberlist rule, each citing the memberlist function it comes from. The member under
 * test is {@code a}; peers {@code b..f} are known alive at incarnation 1.
 */
class MemberlistRulesTest {
    private static final long S = 1_000_000_000L;
    private static final List<String> PEERS = List.of("b", "c", "d", "e", "f");

    private final List<StateChange> changes = new ArrayList<>();
    private final List<Refutation> refutations = new ArrayList<>();
    private final List<String> joins = new ArrayList<>();
    private ManualPorts ports;
    private Memberlist a;

    private Memberlist member(MemberlistConfig config, int peers) {
        ports = new ManualPorts(new NodeId(0, "a"), 42);
        GossipObserver observer = new GossipObserver() {
            @Override
            public void onStateChange(StateChange change) {
                changes.add(change);
            }

            @Override
            public void onRefutation(Refutation r) {
                refutations.add(r);
            }
        };
        MemberlistDelegate delegate = new MemberlistDelegate() {
            @Override
            public void notifyJoin(NodeInfo node) {
                joins.add(node.name());
            }
        };
        a = new Memberlist("a", Map.of("role", "nomad"), config, ports, delegate, observer);
        a.start();
        for (int i = 0; i < peers; i++) {
            a.addKnownMember(PEERS.get(i), id(PEERS.get(i)), Map.of());
        }
        joins.clear();
        return a;
    }

    private Memberlist member() {
        return member(MemberlistConfig.lan(), 5);
    }

    private static NodeId id(String name) {
        return new NodeId("abcdef".indexOf(name), name);
    }

    private void hear(Update... updates) {
        a.handle(id("b"), new Gossip(List.of(updates)));
    }

    private MemberState state(String name) {
        return a.member(name).orElseThrow().state();
    }

    private long incarnation(String name) {
        return a.member(name).orElseThrow().incarnation();
    }

    private static Alive alive(String node, long inc) {
        return new Alive(node, id(node), inc, new TreeMap<>());
    }

    @Test
    void aliveWithAHigherIncarnation_isAccepted_anEqualOrLowerOneIgnored() {
        // memberlist state.go aliveNode, suspectNode, deadNode, refute: alive(i) about another node applies only if i > known; it clears suspicion.
        member();
        hear(new Suspect("b", 1, "c"));
        hear(alive("b", 1));
        assertThat(state("b")).isEqualTo(MemberState.SUSPECT);
        hear(alive("b", 2));
        assertThat(state("b")).isEqualTo(MemberState.ALIVE);
        assertThat(incarnation("b")).isEqualTo(2);
        assertThat(a.suspicionConfirmations("b")).as("no suspicion timer left running").isEqualTo(-1);
    }

    @Test
    void suspectBelowTheKnownIncarnation_isIgnored() {
        // memberlist state.go aliveNode, suspectNode, deadNode, refute: suspect(i) is ignored if i < known.
        member();
        hear(alive("b", 3));
        hear(new Suspect("b", 2, "c"));
        assertThat(state("b")).isEqualTo(MemberState.ALIVE);
    }

    @Test
    void deadWinsOverAliveAndSuspectAtTheSameIncarnation_andOnlyAHigherAliveRevives() {
        // memberlist state.go aliveNode, suspectNode, deadNode, refute: dead(i) ignored if i < known or already dead; suspect applies only to alive
        // nodes; Dead -> Alive needs a higher incarnation and raises a join.
        member();
        hear(new Suspect("b", 1, "c"));
        hear(new Dead("b", 1, "c"));
        assertThat(state("b")).isEqualTo(MemberState.DEAD);
        hear(new Suspect("b", 1, "d"));
        hear(alive("b", 1));
        assertThat(state("b")).isEqualTo(MemberState.DEAD);
        hear(new Dead("b", 0, "c"));
        hear(alive("b", 2));
        assertThat(state("b")).isEqualTo(MemberState.ALIVE);
        assertThat(joins).containsExactly("b");
    }

    @Test
    void aDeadMessageFromTheMemberItself_meansItLeft() {
        // memberlist state.go aliveNode, suspectNode, deadNode, refute: From = self marks Left, not Dead.
        member();
        hear(new Dead("b", 1, "b"));
        hear(new Dead("c", 1, "a"));
        assertThat(state("b")).isEqualTo(MemberState.LEFT);
        assertThat(state("c")).isEqualTo(MemberState.DEAD);
    }

    @Test
    void aSuspicionAboutSelf_isRefutedWithAHigherIncarnation_andCostsHealth() {
        // memberlist state.go aliveNode, suspectNode, deadNode, refute: incarnation = max(own+1, accused+1), broadcast alive, awareness +1.
        member();
        hear(new Suspect("a", 1, "b"));
        assertThat(a.incarnation()).isEqualTo(2);
        assertThat(a.awarenessScore()).isEqualTo(1);
        assertThat(state("a")).isEqualTo(MemberState.ALIVE);
        assertThat(refutations).containsExactly(new Refutation(0, "a", 1, 2, MemberState.SUSPECT));

        hear(new Dead("a", 7, "c"));
        assertThat(a.incarnation()).isEqualTo(8);
        assertThat(state("a")).isEqualTo(MemberState.ALIVE);
    }

    @Test
    void anAliveAboutSelf_isIgnoredWhenIdentical_andRefutedWhenItDiffers() {
        // memberlist state.go aliveNode, suspectNode, deadNode, refute: an alive about self is ignored only when incarnation and meta match.
        member();
        a.handle(id("b"), new Gossip(List.of(new Alive("a", id("a"), 1, new TreeMap<>(Map.of("role", "nomad"))))));
        assertThat(refutations).isEmpty();
        a.handle(id("b"), new Gossip(List.of(new Alive("a", id("a"), 1, new TreeMap<>(Map.of("role", "client"))))));
        assertThat(refutations).hasSize(1);
        a.handle(id("b"), new Gossip(List.of(alive("a", 5))));
        assertThat(a.incarnation()).isEqualTo(6);
    }

    @Test
    void anUnrefutedSuspicion_expiresAtMaxWithoutConfirmations() {
        // memberlist suspicion.go, util.go suspicionTimeout: the timer starts at max (24 s on a LAN of <= 10) when k >= 1.
        member();
        hear(new Suspect("b", 1, "c"));
        ports.advance(24 * S - 1);
        assertThat(state("b")).isEqualTo(MemberState.SUSPECT);
        ports.advance(1);
        assertThat(state("b")).isEqualTo(MemberState.DEAD);
    }

    @Test
    void independentConfirmations_shortenTheTimeoutToMin() {
        // memberlist suspicion.go, util.go suspicionTimeout: each new confirmer c <= k moves the deadline towards min (k = 2 on LAN).
        member();
        hear(new Suspect("b", 1, "c"));
        hear(new Suspect("b", 1, "d"));
        hear(new Suspect("b", 1, "d"));
        hear(new Suspect("b", 1, "e"));
        assertThat(a.suspicionConfirmations("b")).isEqualTo(2);
        ports.advance(4 * S);
        assertThat(state("b")).isEqualTo(MemberState.DEAD);
    }

    @Test
    void withLifeguardOff_suspicionIsSwimsFixedMinimumTimeout() {
        member(MemberlistConfig.lan().withLifeguard(false), 5);
        hear(new Suspect("b", 1, "c"));
        hear(new Suspect("b", 1, "d"));
        assertThat(a.suspicionConfirmations("b")).isZero();
        ports.advance(4 * S - 1);
        assertThat(state("b")).isEqualTo(MemberState.SUSPECT);
        ports.advance(1);
        assertThat(state("b")).isEqualTo(MemberState.DEAD);
    }

    @Test
    void pushPull_answersWithItsStateBeforeMerging_andTreatsRemoteDeadAsSuspect() {
        // memberlist state.go mergeState: in the merge, a remote dead is treated as suspect; left stays left.
        member();
        List<PushNodeState> remote = List.of(
                new PushNodeState("c", id("c"), 1, MemberState.DEAD, new TreeMap<>()),
                new PushNodeState("d", id("d"), 1, MemberState.LEFT, new TreeMap<>()),
                new PushNodeState("g", new NodeId(6, "g"), 3, MemberState.ALIVE, new TreeMap<>()));
        a.handle(id("b"), new PushPullRequest(9, false, remote, null));
        PushPullResponse response = (PushPullResponse) ports.sent.get(ports.sent.size() - 1).message();
        assertThat(response.exchange()).isEqualTo(9);
        assertThat(response.nodes()).extracting(PushNodeState::name).doesNotContain("g");
        assertThat(state("c")).isEqualTo(MemberState.SUSPECT);
        assertThat(state("d")).isEqualTo(MemberState.LEFT);
        assertThat(state("g")).isEqualTo(MemberState.ALIVE);
        assertThat(joins).containsExactly("g");
    }

    @Test
    void aFailedProbe_goesIndirectWithNacksAndAStreamPing_thenSuspects_andRaisesAwarenessByMissingNacks() {
        // memberlist state.go probeNode: +(expectedNacks - nacksReceived).
        member();
        Ping ping = firstPing();
        ports.advance(MemberlistConfig.lan().probeTimeout().toNanos());
        List<IndirectPing> indirect = sentOfType(IndirectPing.class);
        assertThat(indirect).hasSize(3).allSatisfy(p -> {
            assertThat(p.target()).isEqualTo(ping.target());
            assertThat(p.nack()).isTrue();
        });
        assertThat(sentOfType(StreamPing.class)).hasSize(1);
        a.handle(id("c"), new Nack(ping.seqNo(), List.of()));
        ports.advance(S / 2);
        assertThat(state(ping.target())).isEqualTo(MemberState.SUSPECT);
        assertThat(a.awarenessScore()).isEqualTo(2);
    }

    @Test
    void anAnsweredProbe_improvesHealth_andSuspectsNobody() {
        member();
        hear(new Suspect("a", 1, "b")); // awareness 1
        Ping ping = firstPing();
        a.handle(id(ping.target()), new Ack(ping.seqNo(), List.of()));
        assertThat(a.awarenessScore()).isZero();
        ports.advance(S);
        assertThat(state(ping.target())).isEqualTo(MemberState.ALIVE);
        assertThat(sentOfType(IndirectPing.class)).isEmpty();
    }

    private Ping firstPing() {
        ports.sent.clear();
        while (sentOfType(Ping.class).isEmpty()) {
            ports.advance(S / 100);
        }
        return sentOfType(Ping.class).get(0);
    }

    private <T> List<T> sentOfType(Class<T> type) {
        return ports.sent.stream().map(ManualPorts.Sent::message).filter(type::isInstance).map(type::cast)
                .collect(Collectors.toList());
    }
}
