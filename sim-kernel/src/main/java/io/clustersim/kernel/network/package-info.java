/**
 * The simulated network: placement of nodes (region, datacenter, zone), latency per link class
 * with per-pair overrides, bandwidth, loss, duplication, partitions (symmetric and one-way), and
 * two delivery disciplines: FIFO per link (TCP-like, Raft RPC) and unordered datagrams (UDP-like,
 * gossip probes).
 */
package io.clustersim.kernel.network;
