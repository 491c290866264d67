package io.clustersim.gossip.observe;

/**
 * {@code observer}, already suspecting {@code member}, heard {@code confirmer} suspect it too:
 * the {@code count}-th independent confirmation, which shortens its suspicion timeout (Lifeguard).
 */
public record Confirmation(long timeNanos, String observer, String member, String confirmer, int count) {}
