/**
 * Nomad agents as kernel processes: a server agent hosts a Raft server and answers client agents'
 * status RPCs (Nomad's {@code Status.Ping}); a client agent calls a server of its region with that
 * RPC at a fixed interval.
 */
package io.clustersim.model.agent;
