package io.clustersim.gossip.memberlist;

import static io.clustersim.gossip.memberlist.MemberFixture.S;
import static io.clustersim.gossip.memberlist.MemberFixture.alive;
import static io.clustersim.gossip.memberlist.MemberFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.gossip.config.MemberlistConfig;
import io.clustersim.gossip.message.Ack;
import io.clustersim.gossip.message.Alive;
import io.clustersim.gossip.message.Dead;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.message.Ping;
import io.clustersim.gossip.message.Suspect;
import io.clustersim.gossip.observe.Cause;
import io.clustersim.gossip.observe.Confirmation;
import io.clustersim.gossip.observe.Refutation;
import io.clustersim.gossip.observe.StateChange;
import io.clustersim.kernel.node.NodeId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Incarnation comparisons of alive, suspect and dead about self and others (memberlist
 * {@code state.go aliveNode}, {@code suspectNode}, {@code deadNode}, {@code refute}), the cases
 * {@link MemberlistRulesTest} leaves out.
 */
class IncarnationRulesTest {
    /** No probing: only what a test hands {@code a} changes its view. */
    private final MemberFixture f = MemberFixture.quiet(MemberlistConfig.lan().toBuilder(), null);

    /** What {@code a} piggybacks on its next packet (an ack to a ping from e). */
    private List<io.clustersim.gossip.message.Update> nextPiggyback() {
        f.ports.sent.clear();
        f.a.handle(id("e"), new Ping(1, "a", "e", List.of()));
        return f.sent(Ack.class).get(0).updates();
    }

    @Test
    void when_aKnownLiveNameArrivesFromAnotherAddress_then_itIsIgnoredWhateverTheIncarnation() {
        // aliveNode: "Conflicting address" — only a left member's name may be claimed anew.
        NodeId other = new NodeId(30, "b");
        f.hear(new Alive("b", other, 9, new TreeMap<>()));
        assertThat(f.a.member("b").orElseThrow().address()).isEqualTo(id("b"));
        assertThat(f.incarnation("b")).isEqualTo(1);

        f.hear(new Dead("c", 1, "d"));
        f.hear(new Alive("c", new NodeId(31, "c"), 9, new TreeMap<>()));
        assertThat(f.state("c")).as("a dead (not left) name is not reclaimed").isEqualTo(MemberState.DEAD);
    }

    @Test
    void when_aLeftMembersNameComesBackFromANewAddress_then_itRejoinsEvenAtTheSameIncarnation() {
        NodeId fresh = new NodeId(30, "b");
        f.hear(new Dead("b", 1, "b"));
        f.hear(new Alive("b", fresh, 1, new TreeMap<>()));

        assertThat(f.state("b")).isEqualTo(MemberState.ALIVE);
        assertThat(f.a.member("b").orElseThrow().address()).isEqualTo(fresh);
        assertThat(f.delegateEvents).containsExactly("leave b", "join b");
    }

    @Test
    void when_anAliveAboutUsIsOlderThanWhatWeAdvertise_then_itIsIgnoredWithoutRefutation() {
        // aliveNode: "Bail if strictly less and this is about us".
        f.hear(new Suspect("a", 2, "b")); // refuted at 3 (see below)
        assertThat(f.refutations).hasSize(1);
        f.hear(alive("a", 2));
        assertThat(f.refutations).hasSize(1);
        assertThat(f.a.incarnation()).isEqualTo(3);
    }

    @Test
    void when_accusedAtOurNextIncarnation_then_theRefutationGoesOneHigher() {
        // refute: incarnation = max(own + 1, accused + 1); own is 1, so an accusation at 2 needs 3.
        f.hear(new Suspect("a", 2, "b"));
        assertThat(f.refutations).containsExactly(new Refutation(f.ports.now(), "a", 2, 3, MemberState.SUSPECT));
        assertThat(nextPiggyback()).contains(new Alive("a", id("a"), 3, new TreeMap<>(Map.of("role", "nomad"))));
    }

    @Test
    void when_aNewMemberAppears_then_itsStateChangeHasNoPreviousState_andARevivedOneNamesDead() {
        f.hear(alive("g", 1));
        f.hear(new Dead("b", 1, "c"));
        f.hear(alive("b", 2));

        assertThat(f.changes).extracting(StateChange::member, StateChange::previous, StateChange::current)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("g", null, MemberState.ALIVE),
                        org.assertj.core.groups.Tuple.tuple("b", MemberState.ALIVE, MemberState.DEAD),
                        org.assertj.core.groups.Tuple.tuple("b", MemberState.DEAD, MemberState.ALIVE));
        assertThat(f.changes).extracting(StateChange::cause).containsOnly(Cause.GOSSIP);
    }

    @Test
    void when_aLiveMembersTagsChange_then_theUpperLayerHearsAnUpdateNotAJoin() {
        f.hear(new Alive("b", id("b"), 2, new TreeMap<>(Map.of("role", "client"))));
        f.hear(new Alive("b", id("b"), 3, new TreeMap<>(Map.of("role", "client"))));
        assertThat(f.delegateEvents).containsExactly("update b");
    }

    @Test
    void when_aNewConfirmationArrives_then_itIsReGossipedSoOthersCanCountIt() {
        // suspectNode: a confirmation from a new accuser is broadcast on (Lifeguard).
        f.hear(new Suspect("b", 1, "c"));
        f.hear(new Suspect("b", 1, "d"));
        assertThat(f.confirmations).containsExactly(new Confirmation(f.ports.now(), "a", "b", "d", 1));
        assertThat(nextPiggyback()).contains(new Suspect("b", 1, "d")).doesNotContain(new Suspect("b", 1, "c"));

        f.hear(new Suspect("b", 1, "d")); // not new: not counted again
        assertThat(f.confirmations).hasSize(1);
    }

    @Test
    void when_deadIsOlderThanTheKnownIncarnation_then_itIsIgnored() {
        f.hear(alive("b", 3));
        f.hear(new Dead("b", 2, "c"));
        assertThat(f.state("b")).isEqualTo(MemberState.ALIVE);
        f.hear(new Dead("b", 3, "c"));
        assertThat(f.state("b")).isEqualTo(MemberState.DEAD);
    }

    @Test
    void when_aSuspectIsDeclaredDead_then_itsSuspicionStops() {
        f.hear(new Suspect("b", 1, "c"));
        assertThat(f.a.suspicionConfirmations("b")).isZero();
        f.hear(new Dead("b", 1, "d"));
        assertThat(f.a.suspicionConfirmations("b")).isEqualTo(-1);
    }

    @Test
    void when_aDeadOrLeftMemberIsDeclaredDeadAgain_then_nothingChanges() {
        f.hear(new Dead("b", 1, "c"), new Dead("b", 1, "d"), new Dead("b", 2, "d"));
        f.hear(new Dead("c", 1, "c"), new Dead("c", 1, "d"));

        assertThat(f.changes).extracting(StateChange::member, StateChange::current).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b", MemberState.DEAD),
                org.assertj.core.groups.Tuple.tuple("c", MemberState.LEFT));
        assertThat(f.state("c")).isEqualTo(MemberState.LEFT);
        assertThat(f.delegateEvents).containsExactly("leave b", "leave c");
        assertThat(f.incarnation("b")).isEqualTo(1);
    }

    @Test
    void when_aShortenedSuspicionIsRefutedAndAFreshOneStartsAtTheSameInstant_then_theFreshOneRunsItsFullTime() {
        // cancelSuspicion: a refuted suspicion's timer must stop. Here the old one had been cut to
        // the 4 s minimum by two confirmations; the new one (no confirmations) runs the 24 s maximum.
        // (Probes are answered, so that a's own probes add no confirmations.)
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("b", 1, "c"), new Suspect("b", 1, "d"), new Suspect("b", 1, "e"));
        f.hear(alive("b", 2));
        f.hear(new Suspect("b", 2, "c"));
        f.runAnsweringProbes(5 * S);
        assertThat(f.state("b")).isEqualTo(MemberState.SUSPECT);
        f.runAnsweringProbes(19 * S);
        assertThat(f.state("b")).isEqualTo(MemberState.DEAD);
    }

    @Test
    void when_aSuspicionRunsOut_then_theDeclarationIsOurOwnAndCountsAsTimeout() {
        MemberFixture f = new MemberFixture();
        f.hear(new Suspect("b", 1, "c"));
        f.runAnsweringProbes(24 * S);
        assertThat(f.changes).filteredOn(c -> c.member().equals("b")).last().satisfies(c -> {
            assertThat(c.member()).isEqualTo("b");
            assertThat(c.current()).isEqualTo(MemberState.DEAD);
            assertThat(c.cause()).isEqualTo(Cause.SUSPICION_TIMEOUT);
        });
        f.ports.sent.clear();
        f.a.handle(id("e"), new Ping(1, "a", "e", List.of()));
        assertThat(f.sent(Ack.class).get(0).updates()).contains(new Dead("b", 1, "a"));
    }
}
