package io.clustersim.gossip.harness;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.message.Tags;
import io.clustersim.gossip.observe.GossipObserver;
import io.clustersim.gossip.pool.GossipMetrics;
import io.clustersim.gossip.pool.PoolSettings;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.kernel.network.NetworkConfig;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.random.Distribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Settings of a {@link SerfPoolHarness}: the World's (seed, network, trace tail) and the pool's.
 * Defaults: 5 members named {@code m1..m5}, the LAN profile, one zone ({@code global/dc1/zone-a}),
 * 0.2 to 1 ms one-way latency without loss, members joining through {@code m1}, tags with a
 * member role and the placement, seed 1.
 */
public final class SerfPoolBuilder {
    long seed = 1;
    List<String> names;
    int size = 5;
    String namePrefix = "m";
    GossipConfig config = GossipConfig.lan();
    NetworkConfig network = NetworkConfig.uniform(new Distribution.Uniform(200_000, 1_000_000));
    List<Placement> placements = List.of(new Placement("global", "dc1", "zone-a"));
    BiFunction<String, Placement, Map<String, String>> tags = SerfPoolBuilder::placementTags;
    StartMode startMode = StartMode.SEED_JOIN;
    int seedCount = 1;
    Duration joinStagger = Duration.ZERO;
    Duration retryJoinInterval = Duration.ofSeconds(30);
    Distribution agentStartup = new Distribution.Constant(0);
    int traceTail;
    Duration healthyAfter;
    final List<GossipObserver> observers = new ArrayList<>();

    SerfPoolBuilder() {}

    /** The world's root seed: it alone decides every random choice of the run. */
    public SerfPoolBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Number of members, named {@code <prefix>1..<prefix>n}. */
    public SerfPoolBuilder size(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1");
        }
        this.size = size;
        this.names = null;
        return this;
    }

    public SerfPoolBuilder namePrefix(String prefix) {
        this.namePrefix = Objects.requireNonNull(prefix);
        return this;
    }

    /** Explicit member names (overrides size). */
    public SerfPoolBuilder names(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("need at least one member");
        }
        this.names = List.copyOf(names);
        return this;
    }

    public SerfPoolBuilder config(GossipConfig config) {
        this.config = Objects.requireNonNull(config);
        return this;
    }

    public SerfPoolBuilder network(NetworkConfig network) {
        this.network = Objects.requireNonNull(network);
        return this;
    }

    /** Placements, assigned to members round-robin (one placement puts everyone in one zone). */
    public SerfPoolBuilder placements(List<Placement> placements) {
        if (placements.isEmpty()) {
            throw new IllegalArgumentException("need at least one placement");
        }
        this.placements = List.copyOf(placements);
        return this;
    }

    /** Each member's Serf tags from its name and placement; default {@link #placementTags}. */
    public SerfPoolBuilder tags(BiFunction<String, Placement, Map<String, String>> tags) {
        this.tags = Objects.requireNonNull(tags);
        return this;
    }

    public SerfPoolBuilder startMode(StartMode mode) {
        this.startMode = Objects.requireNonNull(mode);
        return this;
    }

    /** How many of the first members act as join seeds (default 1). */
    public SerfPoolBuilder seedCount(int seedCount) {
        if (seedCount < 1) {
            throw new IllegalArgumentException("seedCount must be >= 1");
        }
        this.seedCount = seedCount;
        return this;
    }

    /** In SEED_JOIN mode, member i starts at i x stagger (default 0: all at once). */
    public SerfPoolBuilder joinStagger(Duration stagger) {
        this.joinStagger = Objects.requireNonNull(stagger);
        return this;
    }

    /** A failed join is retried after this (Nomad {@code retry_join} interval, default 30 s); zero never retries. */
    public SerfPoolBuilder retryJoinInterval(Duration interval) {
        this.retryJoinInterval = Objects.requireNonNull(interval);
        return this;
    }

    /**
     * How long a joining or restarted member's agent takes to start before it gossips and tries
     * its first join (default 0: at once; scenarios default to 1 to 3 s).
     */
    public SerfPoolBuilder agentStartup(Distribution delayNanos) {
        this.agentStartup = Objects.requireNonNull(delayNanos);
        return this;
    }

    /** Recent kernel trace lines kept for failure reports (default 0, which is fastest). */
    public SerfPoolBuilder traceTail(int lines) {
        this.traceTail = lines;
        return this;
    }

    /**
     * How long after its last pause, slowdown or partition a member counts as healthy again for
     * {@link GossipMetrics#falseFailuresOfHealthyMembers()}; default: the longest probe window plus
     * the longest suspicion timeout for the pool's size.
     */
    public SerfPoolBuilder healthyAfter(Duration grace) {
        this.healthyAfter = Objects.requireNonNull(grace);
        return this;
    }

    /** Another observer of every member (the metrics observe anyway). */
    public SerfPoolBuilder observer(GossipObserver observer) {
        observers.add(Objects.requireNonNull(observer));
        return this;
    }

    public SerfPoolHarness build() {
        List<String> memberNames = names;
        if (memberNames == null) {
            memberNames = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                memberNames.add(namePrefix + i);
            }
        }
        if (seedCount > memberNames.size()) {
            throw new IllegalArgumentException("seedCount " + seedCount + " exceeds the pool size " + memberNames.size());
        }
        return new SerfPoolHarness(this, memberNames);
    }

    PoolSettings settings() {
        return new PoolSettings(config, tags, startMode, seedCount, joinStagger, retryJoinInterval, agentStartup,
                healthyAfter, observers);
    }

    /** The role members advertise by default. */
    public static final String ROLE_MEMBER = "member";

    /** Tags of a plain member: its role, and region, dc and zone from the placement. */
    public static Map<String, String> placementTags(String name, Placement p) {
        return Tags.placed(ROLE_MEMBER, p);
    }
}
