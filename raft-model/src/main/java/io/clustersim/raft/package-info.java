/**
 * A Raft model for ClusterSim, after the Raft paper (Ongaro and Ousterhout, 2014) and Ongaro's
 * thesis, with the timing and behaviour of hashicorp/raft v1.7.3 as Nomad runs it.
 *
 * <p>The protocol core ({@link io.clustersim.raft.core.RaftServer}) is sans-IO: it reacts to
 * messages and timer firings and acts only through small ports ({@link io.clustersim.raft.port}).
 * {@link io.clustersim.raft.kernel.RaftProcess} adapts it to a kernel node and
 * {@link io.clustersim.raft.kernel.WorkloadProcess} runs a writing client on one; the checker
 * ({@code check}), the election records ({@code elections}) and the metrics ({@code metrics})
 * observe a cluster's servers. Whole clusters are put together by a deployment on a World (the
 * {@code model} module) or, in tests, by the test-jar's {@code RaftClusterHarness}.
 */
package io.clustersim.raft;
