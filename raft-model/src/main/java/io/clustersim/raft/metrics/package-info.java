/**
 * Raw measurements of a Raft run for the reports module to summarise: counts (elections, leader
 * changes), time without a leader, recovery times after leader losses and client commit
 * latencies. {@link io.clustersim.raft.metrics.RaftMetrics} listens to servers (as an observer),
 * to clients and to the kernel trace (to see crashes).
 */
package io.clustersim.raft.metrics;
