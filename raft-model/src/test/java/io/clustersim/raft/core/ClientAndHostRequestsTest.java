package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.ClientRouting;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.ClientRead;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.ClientStatus;
import io.clustersim.raft.message.ClientWrite;
import io.clustersim.raft.message.ReadConsistency;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients and the host on a server (paper, section 6; thesis section 6.4 read index;
 * hashicorp/raft api.go Apply and Barrier): routing from followers, consistent reads that wait
 * for the term's first commit and a fresh round of heartbeats, and the answers given when
 * leadership is lost or being transferred.
 */
class ClientAndHostRequestsTest {
    static final RaftConfig PAPER = RaftConfig.paper();
    static final NodeId CLIENT = new NodeId(99, "c1");

    private final List<String> outcomes = new ArrayList<>();

    static FakeCluster leader(RaftConfig config, int voters) {
        FakeCluster c = new FakeCluster(config, voters, 0);
        c.fire(1, "raft/election");
        c.settle();
        assertThat(c.server(1).isLeader()).isTrue();
        c.clearOutbox();
        return c;
    }

    static ClientWrite write(long seq) {
        return new ClientWrite(new RequestId("c", seq), new Command("k" + seq, "v" + seq, 10));
    }

    static ClientRead read(long seq, String key) {
        return new ClientRead(new RequestId("c", seq), key, ReadConsistency.CONSISTENT);
    }

    private ApplyCallback record(String name) {
        return new ApplyCallback() {
            @Override
            public void applied(long index, Object result) {
                outcomes.add(name + " applied@" + index);
            }

            @Override
            public void failed(ApplyError error) {
                outcomes.add(name + " " + error);
            }
        };
    }

    private static List<String> answers(FakeCluster c, int server) {
        return c.take(server, ClientResponse.class).stream()
                .map(e -> e.to().name() + " #" + e.message().requestId().sequence() + " " + e.message().status()).toList();
    }

    // ---- routing ------------------------------------------------------------------------------------

    @Test
    void when_forwardingIsOn_then_aFollowerPassesAClientsRequestToTheLeaderAndRelaysTheAnswer() {
        FakeCluster c = leader(PAPER.withClientRouting(ClientRouting.FORWARD), 3);
        c.deliver(new Envelope<>(CLIENT, id(2), write(1)));
        List<Envelope<ClientWrite>> forwarded = c.take(2, ClientWrite.class);
        assertThat(forwarded).singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(id(1)));
        c.deliverAll(forwarded);
        c.sync(1);
        c.deliverAll(c.take(1, AppendEntries.class));
        c.syncAll();
        c.deliverAll(c.take(0, AppendEntriesResponse.class));
        List<Envelope<ClientResponse>> fromLeader = c.take(1, ClientResponse.class);
        assertThat(fromLeader).singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(id(2)));
        c.deliverAll(fromLeader);
        assertThat(answers(c, 2)).containsExactly("c1 #1 OK");
    }

    @Test
    void when_aRequestComesFromAServerOrNoLeaderIsKnown_then_itIsAnsweredInsteadOfForwarded() {
        // A server never forwards a forwarded request again; without a leader there is nobody to ask.
        FakeCluster c = leader(PAPER.withClientRouting(ClientRouting.FORWARD), 3);
        c.deliver(new Envelope<>(id(3), id(2), write(1)));
        assertThat(c.take(2, ClientWrite.class)).isEmpty();
        assertThat(answers(c, 2)).containsExactly("s3 #1 NOT_LEADER");

        FakeCluster fresh = new FakeCluster(PAPER.withClientRouting(ClientRouting.FORWARD), 3, 0);
        fresh.deliver(new Envelope<>(CLIENT, id(2), write(2)));
        fresh.deliver(new Envelope<>(CLIENT, id(2), read(3, "k")));
        assertThat(answers(fresh, 2)).containsExactly("c1 #2 NO_LEADER", "c1 #3 NO_LEADER");
    }

    @Test
    void when_tooManyForwardedRequestsAreOutstanding_then_theOldestIsForgotten() {
        // ClientRequests.MAX_FORWARDED (10,000): the oldest entry goes when one more arrives.
        FakeCluster c = leader(PAPER.withClientRouting(ClientRouting.FORWARD), 3);
        for (long seq = 1; seq <= 10_001; seq++) {
            c.deliver(new Envelope<>(CLIENT, id(2), write(seq)));
        }
        c.clearOutbox();
        for (long seq = 1; seq <= 2; seq++) {
            c.deliver(new Envelope<>(id(1), id(2), new ClientResponse(new RequestId("c", seq), ClientStatus.OK, id(1), 9, 2, null)));
        }
        assertThat(answers(c, 2)).containsExactly("c1 #2 OK");
    }

    @Test
    void when_aTransferIsUnderway_then_writesAndAppliesAreRefusedWithLeadershipTransfer() {
        FakeCluster c = leader(PAPER, 3);
        c.server(1).transferLeadership(id(2));
        c.deliver(new Envelope<>(CLIENT, id(1), write(1)));
        c.server(1).apply(new RequestId("h", 1), new Command("x", "1", 10), record("apply"));
        assertThat(answers(c, 1)).containsExactly("c1 #1 LEADERSHIP_TRANSFER");
        assertThat(outcomes).containsExactly("apply LEADERSHIP_TRANSFER");
    }

    @Test
    void when_aFollowerGetsAConsistentReadOrABarrier_then_itRedirectsOrFails() {
        FakeCluster c = leader(PAPER, 3);
        c.deliver(new Envelope<>(CLIENT, id(2), read(1, "k")));
        c.server(2).barrier(record("barrier"));
        assertThat(answers(c, 2)).containsExactly("c1 #1 NOT_LEADER");
        assertThat(outcomes).containsExactly("barrier NOT_LEADER");
    }

    @Test
    void when_proposedAndAppliedEntriesMix_then_eachApplyCallbackHearsOfItsOwnEntryOnly() {
        FakeCluster c = leader(PAPER, 3);
        long proposed = c.server(1).propose(new RequestId("p", 1), new Command("a", "1", 10));
        c.server(1).apply(new RequestId("h", 1), new Command("b", "1", 10), record("apply"));
        c.settle();
        assertThat(outcomes).containsExactly("apply applied@" + (proposed + 1));
    }

    // ---- consistent reads -----------------------------------------------------------------------------

    @Test
    void when_aReadReachesANewLeaderBeforeItsTermsFirstCommit_then_itWaitsForThatCommitThenForHeartbeats() {
        // Thesis section 6.4 step 1: the leader must have committed an entry of its term.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        c.fire(1, "raft/election");
        c.sync(1);
        c.deliverAll(c.take(1, io.clustersim.raft.message.RequestVote.class));
        c.syncAll();
        c.deliverAll(c.take(0, io.clustersim.raft.message.RequestVoteResponse.class));
        assertThat(c.server(1).isLeader()).isTrue();
        c.deliver(new Envelope<>(CLIENT, id(1), read(1, "k")));
        assertThat(c.outbox()).as("no heartbeat round yet")
                .noneMatch(e -> e.message() instanceof AppendEntries a && a.heartbeat());

        // Replicate until the no-op commits; then, and only then, the heartbeat round goes out.
        List<Envelope<AppendEntries>> heartbeats = List.of();
        for (int round = 0; round < 4 && heartbeats.isEmpty(); round++) {
            c.syncAll();
            List<Envelope<AppendEntries>> sent = c.take(1, AppendEntries.class);
            heartbeats = sent.stream().filter(e -> e.message().heartbeat()).toList();
            if (heartbeats.isEmpty()) {
                c.deliverAll(sent);
                c.syncAll();
                c.deliverAll(c.take(0, AppendEntriesResponse.class));
            }
        }
        assertThat(c.server(1).view().commitIndex()).isEqualTo(2);
        assertThat(heartbeats).hasSize(2);
        assertThat(answers(c, 1)).isEmpty();
        c.deliver(heartbeats.get(0));
        c.sync(2);
        c.deliverAll(c.take(2, AppendEntriesResponse.class));
        assertThat(answers(c, 1)).containsExactly("c1 #1 OK");
    }

    @Test
    void when_aReadArrivesRightAfterTheTermsFirstCommit_then_theHeartbeatRoundStartsAtOnce() {
        FakeCluster c = leader(PAPER, 3);
        assertThat(c.server(1).view().commitIndex()).isEqualTo(2); // the no-op, the term's first entry
        c.deliver(new Envelope<>(CLIENT, id(1), read(1, "k")));
        assertThat(c.take(1, AppendEntries.class)).filteredOn(e -> e.message().heartbeat()).hasSize(2);
    }

    @Test
    void when_onlyAnAnswerToAnEarlierRequestArrives_then_itDoesNotConfirmTheRead() {
        // The read index needs answers to heartbeats sent after the read arrived.
        FakeCluster c = leader(PAPER, 3);
        c.server(1).propose(new RequestId("c", 1), new Command("x", "1", 10));
        c.sync(1);
        List<Envelope<AppendEntries>> earlier = c.take(1, AppendEntries.class);
        c.deliver(new Envelope<>(CLIENT, id(1), read(2, "x")));
        List<Envelope<AppendEntries>> heartbeats = c.take(1, AppendEntries.class);
        c.deliverAll(earlier.stream().filter(e -> e.to().equals(id(2))).toList());
        c.sync(2);
        c.deliverAll(c.take(2, AppendEntriesResponse.class));
        assertThat(answers(c, 1)).as("the write may commit, but the read is not confirmed").noneMatch(a -> a.contains("#2"));

        c.deliverAll(heartbeats.stream().filter(e -> e.to().equals(id(3))).toList());
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        assertThat(answers(c, 1)).containsExactly("c1 #2 OK");
    }

    @Test
    void when_theFirstFollowersHeartbeatAnswerArrives_then_itConfirmsTheRead_andTheReadIsAnsweredOnce() {
        FakeCluster c = leader(PAPER, 3);
        c.deliver(new Envelope<>(CLIENT, id(1), read(1, "k")));
        List<Envelope<AppendEntries>> heartbeats = c.take(1, AppendEntries.class);
        c.deliverAll(heartbeats.stream().filter(e -> e.to().equals(id(2))).toList());
        c.sync(2);
        c.deliverAll(c.take(2, AppendEntriesResponse.class));
        assertThat(answers(c, 1)).containsExactly("c1 #1 OK");
        c.deliverAll(heartbeats.stream().filter(e -> e.to().equals(id(3))).toList());
        c.sync(3);
        c.deliverAll(c.take(3, AppendEntriesResponse.class));
        assertThat(answers(c, 1)).isEmpty();
    }

    @Test
    void when_theClusterHasOneServer_then_aConsistentReadIsAnsweredAtOnce() {
        FakeCluster c = new FakeCluster(PAPER, 1, 0);
        c.fire(1, "raft/election");
        c.sync(1);
        c.server(1).propose(new RequestId("c", 1), new Command("x", "1", 10));
        c.sync(1);
        c.deliver(new Envelope<>(CLIENT, id(1), read(2, "x")));
        assertThat(c.take(1, ClientResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().value()).isEqualTo("1"));
    }

    @Test
    void when_aReadReachesALoneLeaderBeforeItsFirstCommit_then_itIsAnsweredAsThatCommitLands() {
        FakeCluster c = new FakeCluster(PAPER, 1, 0);
        c.fire(1, "raft/election");
        c.syncOne(1); // the vote for itself: it leads, and its no-op is being written
        assertThat(c.server(1).isLeader()).isTrue();
        assertThat(c.server(1).view().commitIndex()).isZero();
        c.deliver(new Envelope<>(CLIENT, id(1), read(1, "k")));
        assertThat(answers(c, 1)).isEmpty();
        c.syncOne(1);
        assertThat(answers(c, 1)).containsExactly("c1 #1 OK");
    }

    @Test
    void when_anAnsweredReadIsFollowedByMoreCommits_then_itIsNotAnsweredAgain() {
        FakeCluster c = leader(PAPER, 3);
        c.deliver(new Envelope<>(CLIENT, id(1), read(1, "k")));
        c.deliverAll(c.take(1, AppendEntries.class).stream().filter(e -> e.to().equals(id(2))).toList());
        c.sync(2);
        c.deliverAll(c.take(2, AppendEntriesResponse.class));
        assertThat(answers(c, 1)).containsExactly("c1 #1 OK");
        c.clearOutbox();
        c.server(1).propose(new RequestId("c", 2), new Command("x", "2", 10));
        c.sync(1);
        c.deliverAll(c.take(1, AppendEntries.class));
        c.syncAll();
        c.deliverAll(c.take(0, AppendEntriesResponse.class));
        assertThat(c.server(1).view().commitIndex()).isEqualTo(3);
        assertThat(answers(c, 1)).isEmpty();
    }

    @Test
    void when_aLeaderLosesAndRegainsLeadership_then_aReadItHadPendingIsAnsweredOnlyOnce() {
        FakeCluster c = leader(PAPER, 3);
        c.deliver(new Envelope<>(CLIENT, id(1), read(1, "k")));
        c.clearOutbox();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(7, false, 0, 0, 1, false)));
        assertThat(answers(c, 1)).containsExactly("c1 #1 LEADERSHIP_LOST");
        c.fire(1, "raft/election");
        c.settle();
        assertThat(c.server(1).isLeader()).isTrue();
        c.fire(1, "raft/heartbeat");
        c.settle();
        assertThat(answers(c, 1)).isEmpty();
    }
}
