/**
 * The fault vocabulary and its schedules. Faults act only through the kernel's controls (node
 * crash, restart, pause and resume; network partitions), never by reaching into protocol state,
 * so what a protocol survives here it would survive in production. Targets such as "the leader"
 * are resolved when the fault fires, through a {@link io.clustersim.faults.TargetResolver} the
 * domain model supplies.
 */
package io.clustersim.faults;
