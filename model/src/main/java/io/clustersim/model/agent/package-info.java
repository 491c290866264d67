/**
 * Nomad agents as kernel processes. For now a client periodically calls a server of its region
 * with a status RPC (Nomad's {@code Status.Ping}) so that traffic flows through the simulated
 * network; later issues give servers Raft and Serf and clients heartbeats.
 */
package io.clustersim.model.agent;
