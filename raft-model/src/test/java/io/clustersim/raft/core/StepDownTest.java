package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.ClientRead;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.ClientStatus;
import io.clustersim.raft.message.ClientWrite;
import io.clustersim.raft.message.InstallSnapshotResponse;
import io.clustersim.raft.message.ReadConsistency;
import io.clustersim.raft.message.RequestVote;
import io.clustersim.raft.message.RequestVoteResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import io.clustersim.raft.testing.RecordingObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper, section 5.1: "If a candidate or leader discovers that its term is out of date, it
 * immediately reverts to follower state", whichever reply carries the newer term. For a leader
 * that also means (hashicorp/raft raft.go runLeader's exit) stopping replication, its timers and
 * any transfer, and failing everything in flight with ErrLeadershipLost.
 */
class StepDownTest {
    static final String CHECK = "raft/heartbeat-check";
    static final NodeId CLIENT = new NodeId(99, "c1");

    private final RecordingObserver observer = new RecordingObserver();
    private final List<String> hostOutcomes = new ArrayList<>();

    private FakeCluster hashicorpLeader() {
        FakeCluster c = new FakeCluster(RaftConfig.hashicorp(), 3, 0, observer);
        c.fire(1, CHECK);
        c.settle();
        assertThat(c.server(1).isLeader()).isTrue();
        c.clearOutbox();
        observer.clear();
        return c;
    }

    private ApplyCallback host(String name) {
        return new ApplyCallback() {
            @Override
            public void applied(long index, Object result) {
                hostOutcomes.add(name + " applied@" + index);
            }

            @Override
            public void failed(ApplyError error) {
                hostOutcomes.add(name + " " + error);
            }
        };
    }

    private static List<String> leaderTimers(FakeCluster c, int i) {
        return c.pendingTimers(i).stream().map(t -> t.substring(0, t.indexOf('@')))
                .filter(n -> !n.equals(CHECK) && !n.equals("raft/snapshot")).toList();
    }

    @Test
    void when_aLeaderHearsANewerTermInAnAppendAnswer_then_everythingOfItsLeadershipStops() {
        FakeCluster c = hashicorpLeader();
        c.deliver(new Envelope<>(CLIENT, id(1), new ClientWrite(new RequestId("c", 1), new Command("x", "1", 10))));
        c.deliver(new Envelope<>(CLIENT, id(1), new ClientRead(new RequestId("c", 2), "x", ReadConsistency.CONSISTENT)));
        c.server(1).apply(new RequestId("h", 1), new Command("y", "1", 10), host("apply"));
        c.server(1).barrier(host("barrier"));
        assertThat(c.server(1).transferLeadership(id(3))).isEqualTo(ChangeResult.ACCEPTED);
        assertThat(leaderTimers(c, 1)).contains("raft/lease", "raft/heartbeat/s2", "raft/replicate/s3", "raft/transfer");
        c.clearOutbox();

        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(7, false, 0, 0, 1, false)));

        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(7);
        assertThat(c.server(1).view().leader()).isNull();
        assertThat(leaderTimers(c, 1)).as("no lease, heartbeat, replication or transfer timer is left").isEmpty();
        assertThat(c.hasTimer(1, CHECK)).isTrue();
        assertThat(c.take(1, ClientResponse.class)).extracting(e -> e.message().requestId().sequence() + " "
                + e.message().status()).containsExactlyInAnyOrder("1 LEADERSHIP_LOST", "2 LEADERSHIP_LOST");
        assertThat(hostOutcomes).containsExactlyInAnyOrder("apply LEADERSHIP_LOST", "barrier LEADERSHIP_LOST");
        assertThat(observer.of(id(1), "roleChanged")).containsExactly("s1 roleChanged t7 LEADER->FOLLOWER");
        c.sync(1);
        assertThat(c.image(1).currentTerm()).isEqualTo(7);
        assertThat(c.take(1, AppendEntries.class)).isEmpty();
    }

    @Test
    void when_theEntriesOfAFailedWriteAreAppliedLater_then_theClientIsNotAnsweredTwice() {
        // ErrLeadershipLost is the one answer: the entry may still commit under the next leader.
        FakeCluster c = hashicorpLeader();
        c.deliver(new Envelope<>(CLIENT, id(1), new ClientWrite(new RequestId("c", 1), new Command("x", "1", 10))));
        c.server(1).apply(new RequestId("h", 1), new Command("y", "1", 10), host("apply"));
        c.sync(1);
        long last = c.server(1).view().lastLogIndex();
        c.clearOutbox();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(7, false, 0, 0, 1, false)));
        assertThat(c.take(1, ClientResponse.class)).hasSize(1);
        // s2 leads term 7 with the same log and commits everything.
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntries(7, id(2), last, 2, List.of(), last, 1, false)));
        assertThat(c.server(1).view().lastApplied()).isEqualTo(last);
        assertThat(c.take(1, ClientResponse.class)).isEmpty();
        assertThat(hostOutcomes).containsExactly("apply LEADERSHIP_LOST");
    }

    @Test
    void when_aLeaderHearsANewerTermInAHeartbeatOrSnapshotAnswer_then_itStepsDownToo() {
        FakeCluster c = hashicorpLeader();
        c.deliver(new Envelope<>(id(3), id(1), new AppendEntriesResponse(4, true, 0, 0, 9, true)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(4);

        FakeCluster d = hashicorpLeader();
        d.deliver(new Envelope<>(id(2), id(1), new InstallSnapshotResponse(5, false, 0, 3)));
        assertThat(d.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(d.server(1).view().currentTerm()).isEqualTo(5);
        assertThat(leaderTimers(d, 1)).isEmpty();
    }

    @Test
    void when_aPreCandidateHearsANewerTerm_then_itFollowsInThatTermAndItsElectionTimerStops() {
        // Elections.onVoteResponse: also for a pre-vote, a voter in a newer term means we are behind.
        FakeCluster c = new FakeCluster(RaftConfig.hashicorp(), 3, 0, observer);
        c.fire(1, CHECK);
        assertThat(c.server(1).view().role()).isEqualTo(Role.CANDIDATE);
        assertThat(c.hasTimer(1, "raft/election")).isTrue();

        c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(6, false, true, 2)));

        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(6);
        assertThat(c.hasTimer(1, "raft/election")).isFalse();
        assertThat(c.hasTimer(1, CHECK)).isTrue();
        c.sync(1);
        assertThat(c.image(1).currentTerm()).isEqualTo(6);
        assertThat(observer.of(id(1), "roleChanged")).containsExactly("s1 roleChanged t1 FOLLOWER->CANDIDATE",
                "s1 roleChanged t6 CANDIDATE->FOLLOWER");
    }

    @Test
    void when_aCandidateHearsANewerTermInAVoteAnswer_then_itFollows() {
        FakeCluster c = new FakeCluster(RaftConfig.paper(), 3, 0);
        c.fire(1, "raft/election");
        c.sync(1);
        c.deliver(new Envelope<>(id(2), id(1), new RequestVoteResponse(5, false, false, 2)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(c.server(1).view().currentTerm()).isEqualTo(5);
    }

    @Test
    void when_answersComeFromAnOlderTermOrFromOutsideTheCluster_then_theLeaderIgnoresThem() {
        // Replicator.answeringPeer: only answers of this leadership from a known follower count.
        FakeCluster c = hashicorpLeader();
        long commit = c.server(1).view().commitIndex();
        long term = c.server(1).view().currentTerm();
        c.server(1).propose(new RequestId("c", 1), new Command("x", "1", 10));
        c.sync(1);
        c.clearOutbox();
        long index = c.server(1).view().lastLogIndex();
        NodeId stranger = new NodeId(9, "s9");
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(term - 1, true, index, index, 50, false)));
        c.deliver(new Envelope<>(stranger, id(1), new AppendEntriesResponse(term, true, index, index, 51, false)));
        c.deliver(new Envelope<>(stranger, id(1), new InstallSnapshotResponse(term, true, index, 52)));
        c.deliver(new Envelope<>(id(2), id(1), new InstallSnapshotResponse(term - 1, true, index, 53)));

        assertThat(c.server(1).view().commitIndex()).isEqualTo(commit);
        assertThat(c.server(1).isLeader()).isTrue();
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(term, true, index, index, 54, false)));
        assertThat(c.server(1).view().commitIndex()).isEqualTo(index);
    }

    @Test
    void when_aCandidateStepsDownBeforeItsVoteIsOnDisk_then_itNeverAsksForVotes() {
        // Elections.startElection: the requests go out once the vote for self is durable, and only
        // if the server is still a candidate of that round.
        FakeCluster c = new FakeCluster(RaftConfig.paper(), 3, 0);
        c.fire(1, "raft/election");
        assertThat(c.server(1).view().currentTerm()).isEqualTo(2);
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntries(2, id(2), 1, 1, List.of(), 0, 1, false)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        c.sync(1);
        assertThat(c.take(1, RequestVote.class)).isEmpty();
    }
}
