package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.membership.ChangeResult;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.membership.Suffrage;
import io.clustersim.raft.port.RaftStorage;
import io.clustersim.raft.storage.DurableImage;
import io.clustersim.raft.storage.PersistOp;
import io.clustersim.raft.testing.FakeCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's smaller parts on their own: the persistence queue that keeps "persist before
 * responding" (paper, Figure 2), the configuration history, the follower progress record, and
 * the host API's membership calls (hashicorp/raft AddVoter, AddNonvoter, DemoteVoter,
 * RemoveServer, BootstrapCluster).
 */
class ServerPartsTest {
    static final RaftConfig PAPER = RaftConfig.paper();

    /** Storage that records each write and completes it only when told. */
    private static final class ManualStorage implements RaftStorage {
        record Persist(List<PersistOp> ops, long bytes, Runnable onSynced) {}

        final List<Persist> writes = new ArrayList<>();

        @Override
        public DurableImage.RecoveredState recover() {
            return new DurableImage().recover();
        }

        @Override
        public void persist(List<PersistOp> ops, long bytes, Runnable onSynced) {
            writes.add(new Persist(List.copyOf(ops), bytes, onSynced));
        }
    }

    // ---- PersistenceQueue --------------------------------------------------------------------------

    @Test
    void when_opsAreQueuedAndFlushed_then_theyAreWrittenTogetherWithTheirTotalSize() {
        ManualStorage storage = new ManualStorage();
        PersistenceQueue q = new PersistenceQueue(storage);
        assertThat(q.idle()).isTrue();
        PersistOp term = new PersistOp.SaveTerm(3);
        PersistOp vote = new PersistOp.SaveVote(3, id(2));
        q.enqueue(term);
        q.enqueue(vote);
        assertThat(q.idle()).isFalse();
        q.flush();

        assertThat(storage.writes).singleElement().satisfies(w -> {
            assertThat(w.ops()).containsExactly(term, vote);
            assertThat(w.bytes()).isEqualTo(term.sizeBytes() + vote.sizeBytes());
        });
        assertThat(q.idle()).as("a write is in flight").isFalse();
        storage.writes.get(0).onSynced().run();
        assertThat(q.idle()).isTrue();
    }

    @Test
    void when_anActionWaitsBehindOpsQueuedDuringAWrite_then_itRunsOnlyOnceThoseOpsAreDurable() {
        ManualStorage storage = new ManualStorage();
        PersistenceQueue q = new PersistenceQueue(storage);
        List<String> ran = new ArrayList<>();
        q.afterDurable(() -> ran.add("idle"));
        assertThat(ran).as("nothing unsynced: at once").containsExactly("idle");

        q.enqueue(new PersistOp.SaveTerm(2));
        q.flush();
        q.afterDurable(() -> ran.add("after first"));
        q.enqueue(new PersistOp.SaveTerm(3));
        q.afterDurable(() -> ran.add("after second"));
        q.flush(); // one write at a time: the second waits
        assertThat(storage.writes).hasSize(1);

        storage.writes.get(0).onSynced().run();
        assertThat(ran).containsExactly("idle", "after first");
        assertThat(storage.writes).as("the queued op goes out as the next write").hasSize(2);
        storage.writes.get(1).onSynced().run();
        assertThat(ran).containsExactly("idle", "after first", "after second");
    }

    @Test
    void when_stopped_then_nothingMoreIsWritten() {
        ManualStorage storage = new ManualStorage();
        PersistenceQueue q = new PersistenceQueue(storage);
        q.stop();
        q.enqueue(new PersistOp.SaveTerm(2));
        q.flush();
        assertThat(storage.writes).isEmpty();
    }

    // ---- Membership -----------------------------------------------------------------------------------

    private static Configuration config(int... voters) {
        List<NodeId> ids = new ArrayList<>();
        for (int v : voters) {
            ids.add(id(v));
        }
        return Configuration.ofVoters(ids);
    }

    @Test
    void when_noConfigurationIsKnown_then_theLatestIsEmptyAtIndexZero() {
        Membership m = new Membership();
        assertThat(m.latest()).isEqualTo(Configuration.EMPTY);
        assertThat(m.latestIndex()).isZero();
        assertThat(m.at(5)).isEqualTo(Configuration.EMPTY);
        assertThat(m.indexAt(5)).isZero();
    }

    @Test
    void when_configurationsAreRecorded_then_eachIndexIsGovernedByTheLastOneAtOrBeforeIt() {
        Membership m = new Membership();
        m.put(1, config(1, 2, 3));
        m.put(4, config(1, 2, 3, 4));
        assertThat(m.at(3)).isEqualTo(config(1, 2, 3));
        assertThat(m.indexAt(3)).isEqualTo(1);
        assertThat(m.at(4)).isEqualTo(config(1, 2, 3, 4));
        assertThat(m.indexAt(9)).isEqualTo(4);
        assertThat(m.at(0)).isEqualTo(Configuration.EMPTY);
    }

    @Test
    void when_truncated_then_itReportsWhetherTheLatestConfigurationChanged() {
        Membership m = new Membership();
        m.put(1, config(1, 2, 3));
        m.put(4, config(1, 2, 3, 4));
        assertThat(m.truncateFrom(6)).isFalse();
        assertThat(m.latestIndex()).isEqualTo(4);
        assertThat(m.truncateFrom(4)).isTrue();
        assertThat(m.latestIndex()).isEqualTo(1);
        assertThat(m.latest()).isEqualTo(config(1, 2, 3));
    }

    @Test
    void when_restoredFromASnapshot_then_laterConfigurationsSurviveOnlyWithTheSuffix() {
        Membership keep = new Membership();
        keep.put(1, config(1, 2, 3));
        keep.put(3, config(1, 2));
        keep.put(8, config(1, 2, 3, 4));
        keep.restore(3, config(1, 2), 6, true);
        assertThat(keep.latestIndex()).isEqualTo(8);
        assertThat(keep.indexAt(7)).isEqualTo(3);
        assertThat(keep.at(2)).as("nothing before the snapshot's configuration").isEqualTo(Configuration.EMPTY);

        Membership discard = new Membership();
        discard.put(1, config(1, 2, 3));
        discard.put(8, config(1, 2, 3, 4));
        discard.restore(3, config(1, 2), 6, false);
        assertThat(discard.latestIndex()).isEqualTo(3);
        assertThat(discard.latest()).isEqualTo(config(1, 2));
    }

    // ---- Progress and the views ---------------------------------------------------------------------

    @Test
    void when_aProgressIsPrinted_then_itShowsNextMatchAndMode() {
        Progress p = new Progress(id(2), 5, 0);
        p.cancelTimers(); // no timers yet: nothing to cancel
        assertThat(p).hasToString("s2[next=5 match=0 PROBE]");
    }

    @Test
    void when_aServerIsInspected_then_theViewAndAccessorsReflectItsState() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0, null); // no observer at all
        c.fire(1, "raft/election");
        c.settle();
        RaftServer s = c.server(1);
        assertThat(s.config()).isEqualTo(PAPER);
        assertThat(s.isLeader()).isTrue();
        assertThat(c.server(2).isLeader()).isFalse();
        assertThat(s.view().id()).isEqualTo(id(1));
        assertThat(s.view().prefixDigest(2)).isNotZero().isNotEqualTo(s.view().prefixDigest(1));
        assertThat(s).hasToString("s1[LEADER t2 last=2 commit=2]");
        assertThat(s.view()).hasToString(s.toString());
    }

    // ---- membership API --------------------------------------------------------------------------------

    private static FakeCluster leader(int voters, int nonVoters) {
        FakeCluster c = new FakeCluster(PAPER, voters, nonVoters);
        c.fire(1, "raft/election");
        c.settle();
        return c;
    }

    @Test
    void when_aFollowerIsAskedToChangeMembership_then_itRefuses() {
        FakeCluster c = leader(3, 0);
        assertThat(c.server(2).addVoter(id(4))).isEqualTo(ChangeResult.NOT_LEADER);
        assertThat(c.server(2).removeServer(id(3))).isEqualTo(ChangeResult.NOT_LEADER);
    }

    @Test
    void when_aChangeWouldChangeNothingOrLeaveNoVoter_then_itIsInvalid() {
        // hashicorp AddNonvoter on a current member is a no-op; a configuration needs a voter.
        FakeCluster c = leader(3, 1);
        assertThat(c.server(1).addNonVoter(id(2))).isEqualTo(ChangeResult.INVALID);
        assertThat(c.server(1).view().configuration().isVoter(id(2))).isTrue();
        assertThat(c.server(1).demoteVoter(id(4))).as("already a non-voter").isEqualTo(ChangeResult.INVALID);

        FakeCluster alone = leader(1, 0);
        assertThat(alone.server(1).removeServer(id(1))).isEqualTo(ChangeResult.INVALID);
    }

    @Test
    void when_aVoterIsDemoted_then_itStaysAMemberWithoutAVote() {
        FakeCluster c = leader(3, 0);
        assertThat(c.server(1).demoteVoter(id(3))).isEqualTo(ChangeResult.ACCEPTED);
        Configuration after = c.server(1).view().configuration();
        assertThat(after.contains(id(3))).isTrue();
        assertThat(after.isVoter(id(3))).isFalse();
        assertThat(after.servers().get(id(3))).isEqualTo(Suffrage.NONVOTER);
    }

    @Test
    void when_anEmptyServerIsAskedToBootstrapWithoutVoters_then_itRefusesAndStaysStateless() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        int s4 = c.addEmptyServer();
        assertThat(c.server(s4).hasState()).isFalse();
        assertThat(c.server(s4).bootstrap(Configuration.of(List.of(), List.of(id(s4))))).isFalse();
        assertThat(c.server(s4).hasState()).isFalse();
        assertThat(c.server(1).hasState()).isTrue();

        int s5 = c.addEmptyServer();
        c.server(s5).handle(id(1), new io.clustersim.raft.message.AppendEntries(2, id(1), 0, 0,
                List.of(new LogEntry(1, 1, new EntryPayload.ConfigChange(config(1, 2, 3)))), 0, 1, false));
        assertThat(c.server(s5).hasState()).isTrue();
        assertThat(c.server(s5).bootstrap(config(5))).isFalse();
    }

    @Test
    void when_aMessageIsNotRaft_then_theServerRejectsIt() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        assertThatThrownBy(() -> c.server(1).handle(id(2), new io.clustersim.kernel.network.Message() {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
