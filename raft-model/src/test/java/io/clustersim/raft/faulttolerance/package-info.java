/**
 * Fault-tolerance properties: random clusters under random fault schedules (crashes with fsync
 * loss, restarts, partitions including one-way cuts, pauses, message loss and duplication,
 * reordering, leadership transfers) must never break a safety invariant, and must recover once the
 * faults heal. Schedules are drawn from sim-testkit generators, so a failure shrinks to a minimal
 * schedule and prints a replay seed.
 */
package io.clustersim.raft.faulttolerance;
