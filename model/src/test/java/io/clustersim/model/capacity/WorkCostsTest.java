package io.clustersim.model.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.model.rpc.RpcCall;
import io.clustersim.model.rpc.RpcRequest;
import io.clustersim.model.rpc.RpcResponse;
import io.clustersim.model.rpc.RpcStatus;
import io.clustersim.model.structs.NodeStatus;
import io.clustersim.raft.log.EntryPayload;
import io.clustersim.raft.log.LogEntry;
import io.clustersim.raft.message.AppendEntries;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class WorkCostsTest {
    private static final NodeId LEADER = new NodeId(0, "server-1");
    private static final RpcRequest HEARTBEAT = new RpcRequest(1, "us-east",
            new RpcCall.NodeUpdateStatus("client-1", NodeStatus.READY), false, 0);

    private static AppendEntries append(int entries) {
        List<LogEntry> list = new java.util.ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            list.add(new LogEntry(i, 1, new EntryPayload.NoOp()));
        }
        return new AppendEntries(1, LEADER, 0, 0, list, 0, 1, entries == 0);
    }

    private static UniformRandomProvider rng() {
        return RandomSource.SPLIT_MIX_64.create(7L);
    }

    @Test
    void when_capacityIsNotModelled_then_everyPieceOfWorkCostsNothing() {
        WorkCosts w = new WorkCosts(ServerCapacity.UNMODELLED, rng());
        assertThat(w.message(append(5), false)).isZero();
        assertThat(w.message(HEARTBEAT, true)).isZero();
        assertThat(w.apply(3)).isZero();
        assertThat(w.schedule(10)).isZero();
    }

    @Test
    void when_capacityIsModelled_then_eachOperationCostsWhatTheScenarioSays() {
        WorkCosts w = new WorkCosts(ServerCapacity.of(InstanceClass.SMALL, OperationCosts.DEFAULTS), rng());
        // Raft: a message's base cost plus one per entry it carries (20 us + 3 x 30 us).
        assertThat(w.message(append(0), false)).isEqualTo(20_000);
        assertThat(w.message(append(3), false)).isEqualTo(110_000);
        // A heartbeat: served by the leader (200 us), passed on by a follower (50 us).
        assertThat(w.message(HEARTBEAT, true)).isEqualTo(200_000);
        assertThat(w.message(HEARTBEAT, false)).isEqualTo(50_000);
        // A stale read is served by whichever server gets it.
        RpcRequest stale = new RpcRequest(2, "us-east", new RpcCall.JobGet("api"), true, 0);
        assertThat(w.message(stale, false)).isEqualTo(100_000);
        assertThat(w.message(RpcResponse.error(1, RpcStatus.NO_LEADER), false)).isEqualTo(50_000);
        assertThat(w.apply(4)).as("four objects").isEqualTo(200_000);
        // What an entry writes: a status change with its evaluations, an alloc update per allocation.
        assertThat(new io.clustersim.model.server.fsm.NomadCommand.EvalUpsert(List.of()).objects()).as("still touches the table")
                .isEqualTo(1);
        assertThat(new io.clustersim.model.server.fsm.NomadCommand.AllocClientUpdate("client-1", List.of(
                new io.clustersim.model.server.fsm.NomadCommand.AllocClientUpdate.AllocUpdate("a1", io.clustersim.model.structs.AllocClientStatus.RUNNING),
                new io.clustersim.model.server.fsm.NomadCommand.AllocClientUpdate.AllocUpdate("a2", io.clustersim.model.structs.AllocClientStatus.RUNNING)))
                .objects()).isEqualTo(2);
        assertThat(w.schedule(10)).isEqualTo(2_000_000 + 10 * 100_000);
        assertThat(w.snapshot(2_000_000)).as("5 ms per MB").isEqualTo(10_000_000);
    }

    @Test
    void when_everyOperationIsFree_then_thereIsNoWorkToModel() {
        WorkCosts w = new WorkCosts(ServerCapacity.of(InstanceClass.SMALL, OperationCosts.ZERO), rng());
        assertThat(w.modelled()).as("the agent need not ask the CPU").isFalse();
        assertThat(new WorkCosts(ServerCapacity.of(InstanceClass.SMALL, OperationCosts.DEFAULTS), rng()).modelled()).isTrue();
        assertThat(w.message(append(2), false)).isZero();
        assertThat(w.schedule(3)).isZero();
    }

    @Test
    void when_aCostIsADistribution_then_drawsVaryAndStayWithinIt() {
        OperationCosts costs = OperationCosts.DEFAULTS.with("heartbeat", new Distribution.Uniform(100_000, 300_000));
        WorkCosts w = new WorkCosts(ServerCapacity.of(InstanceClass.LARGE, costs), rng());
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 100; i++) {
            long c = w.message(HEARTBEAT, true);
            assertThat(c).isBetween(100_000L, 300_000L);
            seen.add(c);
        }
        assertThat(seen).hasSizeGreaterThan(50);
    }
}
