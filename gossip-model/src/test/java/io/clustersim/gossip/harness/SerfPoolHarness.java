package io.clustersim.gossip.harness;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.detections.DetectionRecorder;
import io.clustersim.gossip.message.MemberState;
import io.clustersim.gossip.pool.GossipMetrics;
import io.clustersim.gossip.pool.SerfPool;
import io.clustersim.gossip.serf.Serf;
import io.clustersim.kernel.World;
import io.clustersim.kernel.network.Partitions;
import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.trace.Trace;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A {@link SerfPool} on a World of its own, driven by name from tests and experiments.
 *
 * <pre>{@code
 * SerfPoolHarness pool = SerfPoolHarness.builder().size(10).config(GossipConfig.lan()).seed(7).build();
 * pool.start();
 * pool.runFor(Duration.ofSeconds(30));          // joins converge
 * pool.crash("m3");
 * pool.runFor(Duration.ofSeconds(60));
 * pool.metrics().failureDetectionFirstSeconds(); // [5.8]
 * }</pre>
 */
public final class SerfPoolHarness {
    private static final long CHECK_EVERY_MILLIS = 10;

    private final World world;
    private final SerfPool pool;

    SerfPoolHarness(SerfPoolBuilder spec, List<String> memberNames) {
        this.world = new World(spec.seed, spec.network, new Trace(spec.traceTail));
        this.pool = new SerfPool(world, spec.settings(), memberNames.size());
        for (int i = 0; i < memberNames.size(); i++) {
            pool.add(memberNames.get(i), spec.placements.get(i % spec.placements.size()));
        }
    }

    public static SerfPoolBuilder builder() {
        return new SerfPoolBuilder();
    }

    /** The pool itself, for what this facade does not pass on. */
    public SerfPool pool() {
        return pool;
    }

    public void start() {
        pool.start();
    }

    // ----- running -----

    public void runFor(Duration d) {
        world.simulation().runUntil(world.now() + d.toNanos());
    }

    /**
     * Runs until {@code condition} holds or {@code limit} more virtual time passed; returns whether
     * it holds. The condition is checked every {@value #CHECK_EVERY_MILLIS} ms of virtual time (so
     * that O(n^2) checks such as {@link #converged()} stay cheap on large pools); measurements
     * come from the metrics, which are exact to the event.
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        long end = world.now() + limit.toNanos();
        long step = CHECK_EVERY_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (world.now() >= end) {
                return false;
            }
            world.simulation().runUntil(Math.min(end, world.now() + step));
        }
        return true;
    }

    /** Virtual time since the start, in nanoseconds. */
    public long now() {
        return world.now();
    }

    public World world() {
        return world;
    }

    /** The kernel trace fingerprint: equal for runs that did the same things at the same instants. */
    public String traceHash() {
        return world.trace().hashHex();
    }

    // ----- faults and membership, as the pool does them -----

    public void crash(String name) {
        pool.crash(name);
    }

    public void restart(String name) {
        pool.restart(name);
    }

    public void pause(String name) {
        pool.pause(name);
    }

    public void resume(String name) {
        pool.resume(name);
    }

    public void setProcessingDelay(String name, Duration delay) {
        pool.setProcessingDelay(name, delay);
    }

    public Partitions.Cut partition(Collection<String> sideA, Collection<String> sideB) {
        return pool.partition(sideA, sideB);
    }

    public Partitions.Cut isolate(String name) {
        return pool.isolate(name);
    }

    public void heal(Partitions.Cut cut) {
        pool.heal(cut);
    }

    public void healAll() {
        pool.healAll();
    }

    public void leave(String name) {
        pool.leave(name);
    }

    public void addMember(String name, Placement placement) {
        pool.addMember(name, placement);
    }

    // ----- views -----

    public GossipMetrics metrics() {
        return pool.metrics();
    }

    public DetectionRecorder detections() {
        return pool.detections();
    }

    public GossipConfig config() {
        return pool.config();
    }

    public List<String> memberNames() {
        return pool.memberNames();
    }

    public List<String> liveMembers() {
        return pool.liveMembers();
    }

    public Serf serf(String name) {
        return pool.serf(name);
    }

    public Optional<MemberState> view(String observerName, String member) {
        return pool.view(observerName, member);
    }

    public boolean converged() {
        return pool.converged();
    }

    public boolean allLiveSee(String member, MemberState state) {
        return pool.allLiveSee(member, state);
    }
}
