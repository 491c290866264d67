package io.clustersim.raft.core;

import static io.clustersim.raft.testing.FakeCluster.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.log.Command;
import io.clustersim.raft.log.RequestId;
import io.clustersim.raft.membership.Configuration;
import io.clustersim.raft.message.AppendEntriesResponse;
import io.clustersim.raft.observe.Role;
import io.clustersim.raft.testing.Envelope;
import io.clustersim.raft.testing.FakeCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A host's own requests (hashicorp/raft api.go Apply, Barrier, BootstrapCluster) and their futures. */
class HostRequestsTest {
    final List<String> outcomes = new ArrayList<>();

    ApplyCallback record(String name) {
        return new ApplyCallback() {
            @Override
            public void applied(long index, Object result) {
                outcomes.add(name + " applied@" + index + (result == null ? "" : " " + result));
            }

            @Override
            public void failed(ApplyError error) {
                outcomes.add(name + " " + error);
            }
        };
    }

    FakeCluster leader() {
        FakeCluster c = new FakeCluster(RaftConfig.paper(), 3, 0);
        c.fire(1, "raft/election");
        c.settle();
        assertThat(c.server(1).isLeader()).isTrue();
        return c;
    }

    @Test
    void when_theLeaderAppliesACommand_then_theCallbackHearsOnceItIsAppliedWithTheResult() {
        FakeCluster c = leader();
        c.server(1).apply(new RequestId("h", 1), new Command("k", "v1", 10), record("w1"));
        assertThat(outcomes).isEmpty();
        c.settle();
        c.server(1).apply(new RequestId("h", 2), new Command("k", "v2", 10), record("w2"));
        c.settle();
        // The key-value state machine answers a write with the value it replaced.
        assertThat(outcomes).containsExactly("w1 applied@3", "w2 applied@4 v1");
    }

    @Test
    void when_aFollowerIsAskedToApply_then_itFailsAtOnceWithNotLeader() {
        FakeCluster c = leader();
        c.server(2).apply(new RequestId("h", 1), new Command("k", "v", 10), record("w"));
        assertThat(outcomes).containsExactly("w NOT_LEADER");
    }

    @Test
    void when_theLeaderStepsDownBeforeApplying_then_pendingWritesAndBarriersFailWithLeadershipLost() {
        FakeCluster c = leader();
        c.server(1).apply(new RequestId("h", 1), new Command("k", "v", 10), record("w"));
        c.server(1).barrier(record("b"));
        c.deliver(new Envelope<>(id(2), id(1), new AppendEntriesResponse(9, false, 0, 0, 1, false)));
        assertThat(c.server(1).view().role()).isEqualTo(Role.FOLLOWER);
        assertThat(outcomes).containsExactly("w LEADERSHIP_LOST", "b LEADERSHIP_LOST");
    }

    @Test
    void when_aBarrierIsSet_then_itCompletesOnceEverythingBeforeItIsApplied() {
        FakeCluster c = leader();
        c.server(1).barrier(record("b0"));
        assertThat(outcomes).containsExactly("b0 applied@2");
        c.server(1).apply(new RequestId("h", 1), new Command("k", "v", 10), record("w"));
        c.server(1).barrier(record("b1"));
        assertThat(outcomes).hasSize(1);
        c.settle();
        assertThat(outcomes).containsExactly("b0 applied@2", "w applied@3", "b1 applied@3");
    }

    @Test
    void when_anEmptyServerBootstraps_then_itHoldsTheConfigurationInTermOneAndOnlyOnce() {
        FakeCluster c = new FakeCluster(RaftConfig.paper(), 1, 0);
        int empty = c.addEmptyServer();
        RaftServer s = c.server(empty);
        assertThat(s.hasState()).isFalse();
        Configuration conf = Configuration.of(List.of(id(empty)), List.of());
        assertThat(s.bootstrap(conf)).isTrue();
        assertThat(s.view().currentTerm()).isEqualTo(1);
        assertThat(s.view().configuration()).isEqualTo(conf);
        c.sync(empty);
        assertThat(c.image(empty).lastIndex()).isEqualTo(1);
        assertThat(c.image(empty).currentTerm()).isEqualTo(1);
        assertThat(s.bootstrap(conf)).isFalse();
        // A lone voter elects itself.
        c.fire(empty, "raft/election");
        c.settle();
        assertThat(s.isLeader()).isTrue();
    }
}
