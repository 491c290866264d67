package io.clustersim.gossip.observe;

/** Why a member's view of another changed: its own detection, or news it heard. */
public enum Cause {
    /** The member's own state: its start, a tag update, its leave. */
    SELF,
    /** Known from the start (a pool started converged). */
    KNOWN_AT_START,
    /** Its own probe went unanswered: it suspects the target. */
    PROBE,
    /** Its own suspicion timer ran out: it declares the suspect dead. */
    SUSPICION_TIMEOUT,
    /** A gossiped alive, suspect or dead message. */
    GOSSIP,
    /** A push-pull state exchange (or a join). */
    PUSH_PULL
}
