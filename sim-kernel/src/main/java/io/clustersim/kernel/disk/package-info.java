/**
 * Simulated disks: fsync latency and an IOPS limit with queueing, so a busy disk slows its writer
 * down, and a crash that loses every write not yet synced.
 */
package io.clustersim.kernel.disk;
