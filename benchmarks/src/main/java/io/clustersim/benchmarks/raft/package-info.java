/**
 * Whole-model benchmarks of the Raft model: what a Nomad server cluster of the model does
 * (leader failover time, in simulated seconds) and what simulating it costs (simulated commits per
 * wall-clock second).
 *
 * <p>Why it exists: the HOLD benchmark measures the kernel's event queue alone, but the questions
 * people bring to the simulator are about Raft: "how long is a 3-, 5- or 7-server cluster without
 * a working leader when the leader dies?", and "how many seeds of such a scenario can I afford?".
 * {@link io.clustersim.benchmarks.raft.RaftFailoverBenchmark} answers the first as a distribution
 * over seeds with hashicorp's default timings; {@link io.clustersim.benchmarks.raft.RaftThroughputBenchmark}
 * answers the second for a loaded 5-server cluster. Both use the same deployment
 * ({@link io.clustersim.benchmarks.raft.RaftBenchCluster}): servers spread round-robin over three
 * availability zones of one datacenter, lognormal link latency and fsync time.
 *
 * <p>Why the failover benchmark is a plain {@code main} and not JMH: its result is a distribution of
 * simulated time over 1,000 seeds per cluster size, not a rate of work; the wall time is printed
 * only as a by-product. The throughput benchmark is JMH because there the wall clock is the
 * figure.
 */
package io.clustersim.benchmarks.raft;
