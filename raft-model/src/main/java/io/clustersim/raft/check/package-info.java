/**
 * Safety checking from outside the cluster: {@link io.clustersim.raft.check.InvariantChecker}
 * observes every server (as a {@link io.clustersim.raft.observe.RaftObserver}) and checks the
 * Raft paper's safety properties (Figure 3) plus "no acknowledged write is ever lost" on every
 * event, throwing {@link io.clustersim.raft.check.SafetyViolation} at the first breach.
 */
package io.clustersim.raft.check;
