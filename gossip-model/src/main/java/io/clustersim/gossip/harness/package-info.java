/**
 * Pools of Serf members on a kernel world for experiments and tests:
 * {@link io.clustersim.gossip.harness.SerfPoolHarness} (build with
 * {@link io.clustersim.gossip.harness.SerfPoolHarness#builder()}), fault injection by member name,
 * and {@link io.clustersim.gossip.harness.GossipMetrics} with raw samples of detection time, false
 * failures, join convergence and message rate.
 */
package io.clustersim.gossip.harness;
