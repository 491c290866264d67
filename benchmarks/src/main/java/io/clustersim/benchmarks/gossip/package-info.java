/**
 * A whole-model benchmark: a LAN Serf pool of the gossip model, 1,000 members by default, run for
 * one simulated hour ({@link io.clustersim.benchmarks.gossip.GossipPoolBenchmark}).
 *
 * <p>Why it exists: the HOLD benchmark measures the kernel's event queue alone, but what users
 * wait for is a protocol run, whose cost is set as much by the protocol's own code (probe
 * rounds, broadcast queues, push-pull merges of the full member list) as by the queue. A
 * 1,000-member pool for an hour is the size of run the experiments need (Lifeguard and
 * detection-time studies at realistic pool sizes), so its wall time is the figure to watch, and
 * its trace hash, printed for two runs of the same seed, shows the optimisations kept the run
 * deterministic.
 *
 * <p>Why a plain {@code main} rather than JMH: one measured operation is a whole simulated hour
 * (tens of seconds of wall time), far too long for JMH's iterations; the run is long enough that
 * warm-up is a small part of it, and the second run of the same seed shows how much. A smoke
 * setting (50 members, 2 simulated minutes) lets a unit test check that the benchmark runs and is
 * deterministic without timing anything.
 */
package io.clustersim.benchmarks.gossip;
