/**
 * The HOLD model benchmark of the pending-event set, run against our kernel and two baselines.
 *
 * <p>Why it exists: the event queue is the kernel's hot path, and every scenario's wall-clock cost
 * scales with it. HOLD (a pending set of constant size N; each executed event schedules exactly
 * one new event at now + Exp(1)) is the classic workload for comparing event sets (Vaucher and
 * Duval 1975; Jones 1986), so the figures here are comparable with the literature and with other
 * simulators. Each implementation lives in its own {@code @State} class and is driven the same
 * way: pop the earliest event, advance the clock, execute it, insert one new event, with the same
 * precomputed stream of increments ({@link io.clustersim.benchmarks.hold.ExponentialIncrements}).
 */
package io.clustersim.benchmarks.hold;
