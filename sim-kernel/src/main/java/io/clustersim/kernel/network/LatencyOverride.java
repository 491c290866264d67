package io.clustersim.kernel.network;

/**
 * A profile for the links between two places, each named by a zone, a datacenter, a region or a
 * node. It applies in both directions and wins over the link-class default.
 */
public record LatencyOverride(String between, String and, LinkProfile profile) {
    boolean matches(String nodeA, Placement a, String nodeB, Placement b) {
        return (names(between, nodeA, a) && names(and, nodeB, b)) || (names(between, nodeB, b) && names(and, nodeA, a));
    }

    private static boolean names(String place, String node, Placement p) {
        return place.equals(node) || p.isIn(place);
    }
}
