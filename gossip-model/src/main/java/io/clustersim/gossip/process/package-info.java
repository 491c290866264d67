/**
 * The thin kernel adapter for plain Serf pools: {@link io.clustersim.gossip.process.SerfProcess}
 * runs one {@link io.clustersim.gossip.serf.Serf} as a kernel
 * {@link io.clustersim.kernel.node.Process} and can slow its message handling down, for the
 * Lifeguard experiments. A Nomad server process embeds {@code Serf} directly instead.
 */
package io.clustersim.gossip.process;
