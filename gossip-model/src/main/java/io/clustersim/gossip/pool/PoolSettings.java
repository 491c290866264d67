package io.clustersim.gossip.pool;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How a {@link SerfPool} runs its members.
 *
 * @param config memberlist and Serf settings of every member
 * @param tags each member's Serf tags from its name and placement
 * @param startMode how the pool comes together at time zero
 * @param seedCount how many of the first members act as join seeds
 * @param joinStagger in {@link StartMode#SEED_JOIN}, member i starts at i times this
 * @param retryJoinInterval a failed join is retried after this (Nomad's {@code retry_join}
 *     interval, 30 s by default); zero never retries
 * @param agentStartup how long a joining or restarted member's agent takes before it gossips
 * @param healthyAfter how long after a pause, slowdown or partition a member counts as healthy
 *     again for {@link GossipMetrics#falseFailuresOfHealthyMembers()}; null for the longest probe
 *     window plus the longest suspicion timeout for the pool's size
 * @param observers further observers of every member
 */
public record PoolSettings(GossipConfig config, BiFunction<String, Placement, Map<String, String>> tags,
        StartMode startMode, int seedCount, Duration joinStagger, Duration retryJoinInterval, Distribution agentStartup,
        Duration healthyAfter, List<GossipObserver> observers) {

    public PoolSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(startMode, "startMode");
        Objects.requireNonNull(joinStagger, "joinStagger");
        Objects.requireNonNull(retryJoinInterval, "retryJoinInterval");
        Objects.requireNonNull(agentStartup, "agentStartup");
        if (seedCount < 1) {
            throw new IllegalArgumentException("seedCount must be >= 1");
        }
        observers = List.copyOf(observers);
    }

    /** The healthy-again grace for a pool of {@code n}: as set, else probe window plus suspicion timeout. */
    long healthyAfterNanos(int n) {
        if (healthyAfter != null) {
            return healthyAfter.toNanos();
        }
        return GossipMetrics.healthyAfterNanos(config.memberlist(), n);
    }
}
