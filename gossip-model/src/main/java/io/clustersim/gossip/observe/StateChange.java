package io.clustersim.gossip.observe;

import io.clustersim.gossip.message.MemberState;

/**
 * One memberlist's view of {@code member} changed state.
 *
 * @param previous null when {@code observer} had not known {@code member} before
 * @param cause whether {@code observer} decided it itself (a probe, its suspicion timer) or heard it
 */
public record StateChange(long timeNanos, String observer, String member, MemberState previous, MemberState current,
        long incarnation, Cause cause) {}
