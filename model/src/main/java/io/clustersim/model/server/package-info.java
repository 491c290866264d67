/**
 * A Nomad server agent (nomad {@code nomad/server.go}): the composition root that runs, on one
 * node, a Raft server over the Nomad state machine, a Serf member of the servers' gossip pool,
 * the RPC endpoint, bootstrap, the leader's duties (reconcile, autopilot, ACL replication) and a
 * graceful leave, routing each message to its subsystem by message family.
 */
package io.clustersim.model.server;
