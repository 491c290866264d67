package io.clustersim.model.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clustersim.model.structs.NodeStatus;
import org.junit.jupiter.api.Test;

/** How long a server may hold a call (nomad structs.QueryOptions.TimeToBlock and blockingRPC). */
class BlockingQueryTest {
    static final long S = 1_000_000_000L;

    @Test
    void when_aQueryStartsFromIndexZero_then_itDoesNotBlock() {
        RpcCall first = new RpcCall.NodeGetClientAllocs("client-1", 0, 300 * S);
        assertThat(first.timeToBlockNanos()).isZero();
        assertThat(first.longestBlockNanos()).isZero();
        assertThat(new RpcCall.AclPolicyList(0, 300 * S).timeToBlockNanos()).isZero();
    }

    @Test
    void when_aQueryWaitsPastAnIndex_then_itBlocksForItsWaitPlusUpToASixteenthOfJitter() {
        RpcCall q = new RpcCall.NodeGetClientAllocs("client-1", 7, 300 * S);
        assertThat(q.timeToBlockNanos()).isEqualTo(300 * S);
        // 300 s / 16 = 18.75 s of jitter at most.
        assertThat(q.longestBlockNanos()).isEqualTo(318_750_000_000L);
        assertThat(new RpcCall.AclPolicyList(3, 60 * S).longestBlockNanos()).isEqualTo(63_750_000_000L);
    }

    @Test
    void when_aCallIsNotABlockingQuery_then_itNeverBlocks() {
        assertThat(new RpcCall.NodeUpdateStatus("client-1", NodeStatus.READY).longestBlockNanos()).isZero();
        assertThat(new RpcCall.StatusPeers().timeToBlockNanos()).isZero();
    }
}
