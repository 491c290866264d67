package io.clustersim.gossip.observe;

import io.clustersim.gossip.message.MemberState;

/**
 * {@code member} heard it was suspected or declared dead ({@code accusation}) at incarnation
 * {@code accused} and refuted it with {@code incarnation}.
 */
public record Refutation(long timeNanos, String member, long accused, long incarnation, MemberState accusation) {}
