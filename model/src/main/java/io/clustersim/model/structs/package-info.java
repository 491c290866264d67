/**
 * Nomad's objects as the servers' state holds them (nomad {@code nomad/structs}): jobs and their
 * task groups, ACL policies; what the clients issue adds nodes, allocations and evaluations. Each
 * knows its encoded size, which is what snapshots and Raft entries cost to write and send.
 */
package io.clustersim.model.structs;
