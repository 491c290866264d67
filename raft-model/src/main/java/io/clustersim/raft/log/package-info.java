/**
 * The replicated log: entries and their payloads, the in-memory log with compaction, snapshots
 * and the digests that let a checker compare logs of different servers cheaply.
 */
package io.clustersim.raft.log;
