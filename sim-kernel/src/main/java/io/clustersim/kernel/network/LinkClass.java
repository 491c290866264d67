package io.clustersim.kernel.network;

/** The kind of path between two nodes, which decides its default latency. */
public enum LinkClass {
    SAME_ZONE,
    CROSS_ZONE,
    CROSS_REGION
}
