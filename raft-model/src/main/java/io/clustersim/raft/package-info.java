/**
 * A Raft model for ClusterSim, after the Raft paper (Ongaro and Ousterhout, 2014) and Ongaro's
 * thesis, with the timing and behaviour of hashicorp/raft v1.7.3 as Nomad runs it.
 *
 * <p>The protocol core ({@link io.clustersim.raft.core.RaftServer}) is sans-IO: it reacts to
 * messages and timer firings and acts only through small ports ({@link io.clustersim.raft.port}).
 * {@link io.clustersim.raft.kernel.RaftProcess} adapts it to a kernel node;
 * {@link io.clustersim.raft.harness.RaftClusterHarness} builds whole clusters with an invariant
 * checker and a metrics recorder attached.
 */
package io.clustersim.raft;
