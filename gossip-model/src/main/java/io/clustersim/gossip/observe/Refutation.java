package io.clustersim.gossip.observe;

/** {@code member} heard it was suspected or declared dead at {@code accused} and refuted with {@code incarnation}. */
public record Refutation(long timeNanos, String member, long accused, long incarnation) {}
