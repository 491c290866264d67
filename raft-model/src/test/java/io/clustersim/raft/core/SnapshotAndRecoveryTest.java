package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.log.Snapshot;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.membership.Suffrage;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.message.ClientRead;
import io.clustersim.raft.message.ClientResponse;
import io.clustersim.raft.message.InstallSnapshot;
import io.clustersim.raft.message.InstallSnapshotResponse;
import io.clustersim.raft.message.ReadConsistency;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.statemachine.StateSnapshot;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import io.clustersim.raft.testing.RecordingObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Snapshots (paper, section 7 and Figure 13): taking them and compacting, installing one sent by
 * the leader (keep a matching suffix, else discard the log; reset the state machine and the
 * configuration), and a restart that recovers from one.
 */
class SnapshotAndRecoveryTest {
    static final RaftConfig PAPER = RaftConfig.paper();
    static final NodeId CLIENT = new NodeId(99, "c1");

    private final RecordingObserver observer = new RecordingObserver();

    private static List<LogEntry> entries(long from, long to, long term) {
        List<LogEntry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(new LogEntry(i, term, new EntryPayload.Write(new RequestId("c", i), new Command("k" + i, "v" + i, 10))));
        }
        return out;
    }

    private static Snapshot snapshot(long index, long term, Configuration config, long configIndex, String value) {
        StateSnapshot state = new StateSnapshot(new TreeMap<>(Map.of("snap", new Command("snap", value, 10))), 50);
        return new Snapshot(index, term, 12345, config, configIndex, state);
    }

    private static String staleRead(FakeCluster c, int server, String key) {
        c.deliver(new Envelope<>(CLIENT, id(server), new ClientRead(new RequestId("r", 1), key, ReadConsistency.STALE)));
        return c.take(server, ClientResponse.class).get(0).message().value();
    }

    // ---- installing ------------------------------------------------------------------------------------

    @Test
    void when_theFollowerHoldsTheSnapshotsLastEntry_then_itKeepsTheEntriesAfterIt() {
        // Figure 13 step 6: "If existing log entry has same index and term as snapshot's last
        // included entry, retain log entries following it". A configuration after it stays too.
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        Configuration three = c.server(2).view().configuration();
        Configuration four = three.with(new NodeId(4, "s4"), Suffrage.VOTER);
        List<LogEntry> log = new ArrayList<>(entries(2, 7, 2));
        log.add(new LogEntry(8, 2, new EntryPayload.ConfigChange(four)));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, log, 0, 1, false)));
        c.sync(2);
        c.clearOutbox();
        observer.clear();

        c.deliver(new Envelope<>(id(1), id(2), new InstallSnapshot(2, id(1), snapshot(6, 2, three, 1, "s6"), 2)));

        assertThat(c.server(2).view().snapshotIndex()).isEqualTo(6);
        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(8);
        assertThat(c.server(2).view().entryAt(7)).isNotNull();
        assertThat(c.server(2).view().entryAt(6)).as("compacted into the snapshot").isNull();
        assertThat(c.server(2).view().termAt(6)).isEqualTo(2);
        assertThat(c.server(2).view().commitIndex()).isEqualTo(6);
        assertThat(c.server(2).view().lastApplied()).isEqualTo(6);
        assertThat(c.server(2).view().configuration()).isEqualTo(four);
        assertThat(observer.events()).containsExactly("s2 configurationChanged 8 {s1, s2, s3, s4}", "s2 snapshotInstalled 6");
        assertThat(staleRead(c, 2, "snap")).isEqualTo("s6");
        c.sync(2);
        assertThat(c.take(2, InstallSnapshotResponse.class)).singleElement()
                .satisfies(e -> assertThat(e.message().success()).isTrue());
        assertThat(c.image(2).snapshot().lastIndex()).isEqualTo(6);
        assertThat(c.image(2).lastIndex()).isEqualTo(8);
    }

    @Test
    void when_theFollowersLogDisagreesAtTheSnapshotsEnd_then_itDiscardsTheWholeLog() {
        // Figure 13 step 7: "Discard the entire log"; the snapshot's configuration governs.
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        Configuration three = c.server(2).view().configuration();
        Configuration four = three.with(new NodeId(4, "s4"), Suffrage.VOTER);
        List<LogEntry> log = new ArrayList<>(entries(2, 7, 2));
        log.add(new LogEntry(8, 2, new EntryPayload.ConfigChange(four)));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, log, 0, 1, false)));
        c.sync(2);
        observer.clear();

        c.deliver(new Envelope<>(id(3), id(2), new InstallSnapshot(3, id(3), snapshot(6, 3, three, 1, "s6"), 2)));

        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(6);
        assertThat(c.server(2).view().lastLogTerm()).isEqualTo(3);
        assertThat(c.server(2).view().entryAt(7)).isNull();
        assertThat(c.server(2).view().configuration()).isEqualTo(three);
        assertThat(c.server(2).view().leader()).isEqualTo(id(3));
        assertThat(c.server(2).view().currentTerm()).isEqualTo(3);
        assertThat(observer.of(id(2), "logTruncated")).containsExactly("s2 logTruncated 7");
        assertThat(observer.of(id(2), "configurationChanged")).containsExactly("s2 configurationChanged 1 {s1, s2, s3}");
        c.sync(2);
        assertThat(c.image(2).lastIndex()).isEqualTo(6);
    }

    @Test
    void when_theSnapshotIsNotAheadOfTheCommitIndex_then_itIsAcknowledgedButNotInstalled() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0, observer);
        Configuration three = c.server(2).view().configuration();
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 1, 1, entries(2, 6, 2), 6, 1, false)));
        assertThat(c.server(2).view().commitIndex()).isEqualTo(6);
        observer.clear();
        c.deliver(new Envelope<>(id(1), id(2), new InstallSnapshot(2, id(1), snapshot(6, 2, three, 1, "s6"), 2)));

        assertThat(observer.of(id(2), "snapshotInstalled")).isEmpty();
        assertThat(c.server(2).view().snapshotIndex()).isZero();
        c.sync(2);
        assertThat(c.take(2, InstallSnapshotResponse.class)).last()
                .satisfies(e -> assertThat(e.message().success()).isTrue());
    }

    @Test
    void when_aSnapshotComesFromAStaleLeader_then_itIsRejectedWithTheCurrentTerm() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        Configuration three = c.server(2).view().configuration();
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(4, id(1), 1, 1, List.of(), 0, 1, false)));
        c.deliver(new Envelope<>(id(3), id(2), new InstallSnapshot(3, id(3), snapshot(6, 3, three, 1, "s6"), 7)));
        c.sync(2);

        assertThat(c.take(2, InstallSnapshotResponse.class)).singleElement().satisfies(e -> {
            assertThat(e.message().success()).isFalse();
            assertThat(e.message().term()).isEqualTo(4);
            assertThat(e.message().lastIndex()).isEqualTo(6);
            assertThat(e.message().seq()).isEqualTo(7);
        });
        assertThat(c.server(2).view().snapshotIndex()).isZero();
        assertThat(c.server(2).view().leader()).isEqualTo(id(1));
    }

    @Test
    void when_aSnapshotArrives_then_itCountsAsContactFromTheLeaderForTheElectionTimer() {
        // Paper, Figure 2: RPCs from the current leader reset the election timer.
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        Configuration three = c.server(2).view().configuration();
        c.advance(Duration.ofMillis(100).toNanos());
        c.deliver(new Envelope<>(id(1), id(2), new InstallSnapshot(2, id(1), snapshot(6, 2, three, 1, "s6"), 2)));
        assertThat(c.timerDue(2, "raft/election")).isEqualTo(c.now() + Duration.ofMillis(150).toNanos());
    }

    @Test
    void when_theLeaderSendsItsSnapshot_then_itNamesTheIndexOfTheConfigurationItHolds() {
        RaftConfig cfg = PAPER.withSnapshotThreshold(4).withTrailingLogs(0).withSnapshotInterval(Duration.ZERO);
        FakeCluster c = new FakeCluster(cfg, 3, 0);
        c.fire(1, "raft/election");
        c.settle();
        int s4 = c.addEmptyServer();
        c.server(1).addNonVoter(id(s4));
        long configIndex = c.server(1).view().lastLogIndex();
        c.settle();
        for (int i = 0; i < 6; i++) {
            c.server(1).propose(new RequestId("c", i), new Command("k" + i, "v" + i, 10));
            c.settle();
        }
        Snapshot snap = c.image(1).snapshot();
        assertThat(snap).isNotNull();
        assertThat(snap.configurationIndex()).isEqualTo(configIndex);
        assertThat(snap.configuration().contains(id(s4))).isTrue();
    }

    // ---- taking snapshots -----------------------------------------------------------------------------

    @Test
    void when_snapshotsAreCheckedPeriodically_then_noneIsTakenBeforeTheTimerFires() {
        // hashicorp runSnapshots: check every randomTimeout(SnapshotInterval) (here the minimum).
        RaftConfig cfg = PAPER.withSnapshotThreshold(3).withTrailingLogs(1).withSnapshotInterval(Duration.ofSeconds(10));
        FakeCluster c = new FakeCluster(cfg, 3, 0, observer);
        assertThat(c.timerDue(1, "raft/snapshot")).isEqualTo(Duration.ofSeconds(10).toNanos());
        c.fire(1, "raft/election");
        c.settle();
        for (int i = 0; i < 4; i++) {
            c.server(1).propose(new RequestId("c", i), new Command("k" + i, "v" + i, 10));
            c.settle();
        }
        assertThat(c.server(1).view().snapshotIndex()).isZero();
        observer.clear();

        c.fire(1, "raft/snapshot");

        assertThat(observer.of(id(1), "snapshotTaken")).containsExactly("s1 snapshotTaken 6");
        assertThat(c.server(1).view().snapshotIndex()).isEqualTo(6);
        assertThat(c.server(1).view().entryAt(5)).as("compacted").isNull();
        assertThat(c.server(1).view().entryAt(6)).as("one trailing entry kept").isNotNull();
        assertThat(c.hasTimer(1, "raft/snapshot")).as("the check is re-armed").isTrue();
        c.sync(1);
        assertThat(c.image(1).snapshot().lastIndex()).isEqualTo(6);
        assertThat(c.image(1).recover().log().baseIndex()).isEqualTo(5);
    }

    // ---- recovering ----------------------------------------------------------------------------------

    @Test
    void when_aServerRestartsFromASnapshot_then_itsStateMachineCommitIndexAndConfigurationComeFromIt() {
        RaftConfig cfg = PAPER.withSnapshotThreshold(3).withTrailingLogs(0).withSnapshotInterval(Duration.ZERO);
        FakeCluster c = new FakeCluster(cfg, 3, 0, observer);
        c.fire(1, "raft/election");
        c.settle();
        for (int i = 0; i < 4; i++) {
            c.server(1).propose(new RequestId("c", i), new Command("k" + i, "v" + i, 10));
            c.settle();
        }
        long snap = c.image(1).snapshot().lastIndex();
        assertThat(c.image(1).recover().log().size()).as("everything compacted").isZero();
        c.crash(1);
        observer.clear();
        c.restart(1);

        assertThat(c.server(1).view().commitIndex()).isEqualTo(snap);
        assertThat(c.server(1).view().lastApplied()).isEqualTo(snap);
        assertThat(c.server(1).view().configuration().voters()).containsExactly(id(1), id(2), id(3));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(observer.of(id(1), "")).as("nothing appended from an empty log").containsExactly("s1 serverStarted");
        assertThat(staleRead(c, 1, "k3")).isEqualTo("v3");
    }

    @Test
    void when_startedTwice_then_theSecondStartIsRefused() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        assertThatThrownBy(() -> c.server(1).start()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void when_appendEntriesOverlapTheFollowersSnapshot_then_theCompactedPartIsSkippedAndTheRestAppended() {
        FakeCluster c = new FakeCluster(PAPER, 3, 0);
        Configuration three = c.server(2).view().configuration();
        c.deliver(new Envelope<>(id(1), id(2), new InstallSnapshot(2, id(1), snapshot(6, 2, three, 1, "s6"), 1)));
        c.deliver(new Envelope<>(id(1), id(2), new AppendEntries(2, id(1), 3, 2, entries(4, 8, 2), 6, 2, false)));

        assertThat(c.server(2).view().lastLogIndex()).isEqualTo(8);
        assertThat(c.server(2).view().termAt(8)).isEqualTo(2);
        c.sync(2);
        assertThat(c.take(2, AppendEntriesResponse.class)).last()
                .satisfies(e -> assertThat(e.message().success()).isTrue());
    }
}
