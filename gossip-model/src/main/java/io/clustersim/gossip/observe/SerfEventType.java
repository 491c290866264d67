package io.clustersim.gossip.observe;

/** Serf's member events (serf {@code event.go}). */
public enum SerfEventType {
    MEMBER_JOIN,
    MEMBER_LEAVE,
    MEMBER_FAILED,
    MEMBER_UPDATE,
    MEMBER_REAP
}
