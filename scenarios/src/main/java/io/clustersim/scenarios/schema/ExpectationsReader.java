package io.clustersim.scenarios.schema;

import io.clustersim.scenarios.yaml.InputError;
import io.clustersim.scenarios.yaml.YamlMap;
import io.clustersim.scenarios.yaml.YamlNode;
import java.util.List;

/**
 * Reads {@code expect:}:
 * <pre>
 *   expect:
 *     writesRecoverWithin: 10s        # after each fault starts and ends
 *     noNodeFalselyMarkedDown: true
 *     maxLeaderChanges: 3
 *     minWriteAvailability: 0.99
 *     allocationsPlacedWithin: 5m     # after each fault ends; needs room to spare
 * </pre>
 * No committed write may ever be lost, and the Raft invariants must hold: that is checked on
 * every run and needs no key.
 */
final class ExpectationsReader {
    static final List<String> KEYS = List.of("writesRecoverWithin", "noNodeFalselyMarkedDown", "maxLeaderChanges",
            "minWriteAvailability", "allocationsPlacedWithin");

    private ExpectationsReader() {}

    static Expectations read(YamlNode node) {
        YamlMap m = YamlMap.of(node, "expectations such as { writesRecoverWithin: 10s }").allowOnly(KEYS.toArray(String[]::new));
        long writes = m.durationNanos("writesRecoverWithin", "how soon writes work again after a fault", 0);
        long placed = m.durationNanos("allocationsPlacedWithin", "how soon allocations are placed again", 0);
        if (m.has("writesRecoverWithin") && writes <= 0) {
            throw InputError.at(m.require("writesRecoverWithin", ""), "expected a duration greater than zero");
        }
        Expectations e = new Expectations(writes, m.bool("noNodeFalselyMarkedDown", false),
                m.integer("maxLeaderChanges", "a number of leader changes", -1, 0, Integer.MAX_VALUE),
                m.number("minWriteAvailability", "a write availability", 0, 0, 1), placed);
        if (e.isEmpty()) {
            throw InputError.at(node, "an expect: section needs at least one of: " + String.join(", ", KEYS));
        }
        return e;
    }
}
