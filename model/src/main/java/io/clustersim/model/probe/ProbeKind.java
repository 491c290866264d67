package io.clustersim.model.probe;

/** What a probe asks for each interval. */
public enum ProbeKind {
    /** Job.Register of the probe's own job: a write through the region's leader and Raft. */
    WRITE,
    /** Job.GetJob without AllowStale: served by the leader. */
    CONSISTENT_READ,
    /** Job.GetJob with AllowStale: served by the server asked. */
    STALE_READ,
    /** ACL.UpsertPolicies: a write of a replicated object, which only the authoritative region takes. */
    ACL_WRITE
}
