package io.clustersim.gossip.faulttolerance;

import io.clustersim.gossip.config.GossipConfig;
import io.clustersim.gossip.harness.SerfPoolBuilder;
import io.clustersim.gossip.pool.StartMode;
import io.clustersim.testkit.gen.Gen;
import io.clustersim.testkit.gen.Gens;
import java.util.List;

/** Generators shared by the gossip properties. */
final class PoolGens {
    private PoolGens() {}

    /** Mostly small pools (2 to 12), one try in ten a large one (30 to 100). */
    static Gen<Integer> sizes() {
        return Gens.integers(0, 9).flatMap(bucket -> bucket == 0 ? Gens.integers(30, 100) : Gens.integers(2, 12));
    }

    static Gen<GossipConfig> profiles() {
        return Gens.elements(List.of("lan", "wan")).flatMap(p -> Gens.booleans().map(
                lifeguard -> GossipConfig.profile(p).withLifeguard(!lifeguard)));
    }

    static Gen<StartMode> startModes() {
        return Gens.elements(List.of(StartMode.PRE_JOINED, StartMode.SEED_JOIN));
    }
}
