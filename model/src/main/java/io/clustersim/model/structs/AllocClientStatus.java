package io.clustersim.model.structs;

/** nomad {@code structs.AllocClientStatus*}: what the client (or, for lost and unknown, the scheduler) says. */
public enum AllocClientStatus {
    PENDING,
    RUNNING,
    COMPLETE,
    FAILED,
    /** Its node is down: it will not come back (scheduler "alloc is lost since its node is down"). */
    LOST,
    /** Its node is disconnected within the group's lost_after window. */
    UNKNOWN;

    public boolean terminal() {
        return this == COMPLETE || this == FAILED || this == LOST;
    }
}
