package io.clustersim.gossip.process;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.kernel.random.Distribution;
import java.util.Objects;
import java.util.List;
import java.util.SortedMap;

/** How a member enters the pool when its process starts. */
public sealed interface Startup permits Startup.Alone, Startup.JoinSeeds, Startup.PreJoined {

    /** Starts a pool of its own: others join it. */
    record Alone() implements Startup {}

    /**
     * Joins through these seed addresses (push-pull with each). With {@code retryIntervalNanos}
     * above 0 a failed join is retried, as Nomad's {@code retry_join} does (default 30 s).
     *
     * @param agentStartupNanos how long the agent takes from its process start until it gossips and
     *     makes its first join attempt (loading its state, opening its ports); a real agent never
     *     rejoins at the instant it restarts
     */
    record JoinSeeds(List<NodeId> seeds, long retryIntervalNanos, Distribution agentStartupNanos) implements Startup {
        public JoinSeeds {
            seeds = List.copyOf(seeds);
            Objects.requireNonNull(agentStartupNanos, "agentStartupNanos");
        }

        /** Joins as soon as the process starts. */
        public JoinSeeds(List<NodeId> seeds, long retryIntervalNanos) {
            this(seeds, retryIntervalNanos, new Distribution.Constant(0));
        }
    }

    /** Starts already knowing these members as alive: a converged pool from time zero. */
    record PreJoined(List<Peer> peers) implements Startup {
        public PreJoined {
            peers = List.copyOf(peers);
        }
    }

    /** A member known at start. */
    record Peer(String name, NodeId address, SortedMap<String, String> tags) {}
}
