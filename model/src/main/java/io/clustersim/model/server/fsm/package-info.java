/**
 * A Nomad server's replicated state machine (nomad {@code nomad/fsm.go} over
 * {@code nomad/state}): the commands Raft carries, the state they build (jobs, ACL objects and, as
 * clients join, nodes, allocations and evaluations), the queries served from it, and its
 * snapshots, whose size grows with the state.
 */
package io.clustersim.model.server.fsm;
