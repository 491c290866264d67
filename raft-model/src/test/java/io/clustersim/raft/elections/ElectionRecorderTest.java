package io.clustersim.raft.elections;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.World;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.harness.RaftClusterHarness;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.message.AppendEntries;
import io.clustersim.raft.observe.VoteReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Election records on a kernel cluster: what happened, in order, without polling the clock. */
class ElectionRecorderTest {
    static final long MS = 1_000_000L;

    static RaftClusterHarness cluster(World world, RaftConfig config) {
        RaftClusterHarness.Builder b = RaftClusterHarness.builder(world).config(config);
        for (int i = 1; i <= 5; i++) {
            b.server("s" + i, new Placement("r", "dc", "z"));
        }
        return b.build();
    }

    @Test
    void when_theClusterStarts_then_theFirstElectionIsRecordedWithoutALoss() {
        World world = new World(3, NetworkConfig.uniform(new Distribution.Constant(MS)));
        RaftClusterHarness h = cluster(world, RaftConfig.paper());
        h.runFor(Duration.ofSeconds(2));
        List<Election> all = h.elections().elections();
        assertThat(all).hasSize(1);
        Election first = all.get(0);
        assertThat(first.leaderLostAtNanos()).isEqualTo(-1);
        assertThat(first.leader().name()).isEqualTo(h.leader().orElseThrow());
        assertThat(first.heardByAll()).isTrue();
        assertThat(first.heardAtNanos()).hasSize(4).doesNotContainKey(first.leader());
        assertThat(first.leaderlessAsSeenByFollowersNanos()).isEqualTo(-1);
        assertThat(first.timerFirings()).isNotEmpty();
        assertThat(first.rounds()).anySatisfy(r -> {
            assertThat(r.candidate()).isEqualTo(first.leader());
            assertThat(r.outcome()).isEqualTo(Round.Outcome.WON);
            assertThat(r.granted()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void when_theLeaderCrashesWithTwoFollowersBehind_then_staleCandidatesAreRefusedForTheirLogs() {
        List<String> notes = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            World world = new World(seed, NetworkConfig.uniform(new Distribution.Constant(MS)));
            world.trace().addSink((t, kind, src, dst, type, detail) -> {
                if (kind == TraceKind.NOTE) {
                    notes.add(type);
                }
            });
            RaftClusterHarness h = cluster(world, RaftConfig.paper());
            h.runFor(Duration.ofSeconds(2));
            String leader = h.leader().orElseThrow();
            List<NodeId> stale = h.serverNames().stream().filter(s -> !s.equals(leader)).limit(2)
                    .map(s -> world.node(s).id()).toList();
            world.network().messageFaults().drop(List.of(world.node(leader).id()), stale, AppendEntries.ENTRIES_KIND);
            for (int i = 1; i <= 3; i++) {
                h.server(leader).propose(new RequestId("t", i), new Command("k", "v" + i, 10));
            }
            // Before the next heartbeat: the stale followers have not timed out yet.
            h.runFor(Duration.ofMillis(20));
            long crashAt = world.now();
            h.crash(leader);
            h.runFor(Duration.ofSeconds(5));

            List<Election> all = h.elections().elections();
            Election e = all.get(all.size() - 1);
            assertThat(e.leaderLostAtNanos()).as("seed %d", seed).isEqualTo(crashAt);
            assertThat(stale).as("seed %d", seed).doesNotContain(e.leader());
            assertThat(e.heardByAll()).isTrue();
            assertThat(e.leaderlessAsSeenByFollowersNanos()).isGreaterThan(e.electedAtNanos() - crashAt - 1);
            for (Round r : e.rounds()) {
                if (stale.contains(r.candidate()) && !r.preVote()) {
                    assertThat(r.outcome()).isNotEqualTo(Round.Outcome.WON);
                    assertThat(r.votes()).filteredOn(v -> !stale.contains(v.voter()))
                            .allSatisfy(v -> assertThat(v.reason()).isIn(VoteReason.LOG_NOT_UP_TO_DATE,
                                    VoteReason.ALREADY_VOTED));
                }
            }
        }
        assertThat(notes).contains("raft.timer", "raft.campaign", "raft.vote.granted", "raft.vote.refused",
                "raft.elected", "raft.leader.heard");
    }

    @Test
    void when_twoCandidatesDivideTheVotes_then_itCountsAsASplitVote() {
        NodeId a = new NodeId(0, "a");
        NodeId b = new NodeId(1, "b");
        Round ra = new Round(a, 5, false, 0, List.of(), Round.Outcome.UNDECIDED);
        Round rb = new Round(b, 5, false, 1, List.of(), Round.Outcome.UNDECIDED);
        Round lone = new Round(a, 6, false, 2, List.of(), Round.Outcome.UNDECIDED);
        Round won = new Round(b, 7, false, 3, List.of(), Round.Outcome.WON);
        Election e = new Election(0, List.of(), List.of(ra, rb, lone, won), b, 7, 4, 10, new java.util.TreeMap<>(), List.of());
        assertThat(e.splitVotes()).isEqualTo(1);
        assertThat(e.terms()).isEqualTo(3);
    }
}
