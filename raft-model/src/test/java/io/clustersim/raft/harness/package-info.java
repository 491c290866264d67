/**
 * Test fixtures, shared with the benchmarks through the test-jar:
 * {@link io.clustersim.raft.harness.RaftClusterHarness}, a plain Raft cluster on a kernel
 * {@link io.clustersim.kernel.World} (servers, optional workload clients, an invariant checker and
 * a metrics recorder), with leader lookup and crash/restart by name.
 */
package io.clustersim.raft.harness;
