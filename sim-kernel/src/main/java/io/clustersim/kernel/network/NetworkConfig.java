package io.clustersim.kernel.network;

import io.clustersim.kernel.random.Distribution;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The network's parameters. Overrides are checked in order; the first match wins.
 *
 * @param lossProbability chance that any one message is lost
 * @param duplicationProbability chance that a message is delivered twice
 */
public record NetworkConfig(
        Map<LinkClass, LinkProfile> linkClasses,
        List<LatencyOverride> overrides,
        double lossProbability,
        double duplicationProbability) {

    public NetworkConfig {
        linkClasses = new EnumMap<>(linkClasses);
        for (LinkClass c : LinkClass.values()) {
            if (!linkClasses.containsKey(c)) {
                throw new IllegalArgumentException("no latency for link class " + c);
            }
        }
        overrides = List.copyOf(overrides);
        if (!(lossProbability >= 0 && lossProbability <= 1 && duplicationProbability >= 0 && duplicationProbability <= 1)) {
            throw new IllegalArgumentException("probabilities must be within [0, 1]");
        }
    }

    /** The same latency everywhere, no loss: handy for tests. */
    public static NetworkConfig uniform(Distribution latencyNanos) {
        Map<LinkClass, LinkProfile> m = new EnumMap<>(LinkClass.class);
        for (LinkClass c : LinkClass.values()) {
            m.put(c, LinkProfile.of(latencyNanos));
        }
        return new NetworkConfig(m, List.of(), 0, 0);
    }

    public NetworkConfig withLoss(double loss) {
        return new NetworkConfig(linkClasses, overrides, loss, duplicationProbability);
    }

    public NetworkConfig withDuplication(double duplication) {
        return new NetworkConfig(linkClasses, overrides, lossProbability, duplication);
    }

    /** The link between two nodes, as the network will use it (overrides first, then the link class). */
    public LinkProfile linkBetween(String nodeA, Placement a, String nodeB, Placement b) {
        return profileFor(nodeA, a, nodeB, b);
    }

    LinkProfile profileFor(String nodeA, Placement a, String nodeB, Placement b) {
        for (LatencyOverride o : overrides) {
            if (o.matches(nodeA, a, nodeB, b)) {
                return o.profile();
            }
        }
        return linkClasses.get(a.linkClassTo(b));
    }
}
