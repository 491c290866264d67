package io.clustersim.raft.core;

import io.clustersim.kernel.World;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import io.clustersim.kernel.trace.TraceKind;
import io.clustersim.raft.config.RaftConfig;
import io.clustersim.raft.harness.RaftClusterHarness;
import java.time.Duration;
import java.util.Arrays;

/** When each server of an etcd-profile cluster on the kernel ticks first. */
final class EtcdPhases {
    private EtcdPhases() {}

    static long[] firstTickTimes(int servers, long seed) {
        World world = new World(seed, NetworkConfig.uniform(new Distribution.Constant(1_000_000)));
        long[] first = new long[servers];
        Arrays.fill(first, -1);
        world.trace().addSink((time, kind, src, dst, type, detail) -> {
            if (kind == TraceKind.TIMER && "raft/tick".equals(type)) {
                int i = Integer.parseInt(src.substring(1)) - 1;
                if (first[i] < 0) {
                    first[i] = time;
                }
            }
        });
        RaftClusterHarness.Builder b = RaftClusterHarness.builder(world).config(RaftConfig.etcd());
        for (int i = 1; i <= servers; i++) {
            b.server("s" + i, new Placement("r", "dc", "z" + i));
        }
        RaftClusterHarness h = b.build();
        h.runFor(Duration.ofMillis(150));
        return first;
    }
}
