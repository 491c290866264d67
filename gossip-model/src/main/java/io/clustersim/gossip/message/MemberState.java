package io.clustersim.gossip.message;

/** A member's state in one memberlist's view (memberlist {@code state.go}). */
public enum MemberState {
    ALIVE,
    /** Failed a probe; declared dead when its suspicion timeout expires unless it refutes. */
    SUSPECT,
    /** Declared failed by someone else. */
    DEAD,
    /** Announced its own departure (a dead message whose sender is the member itself). */
    LEFT;

    public boolean deadOrLeft() {
        return this == DEAD || this == LEFT;
    }
}
