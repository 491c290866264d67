/**
 * Durable state: what a server writes before it may answer (paper, Figure 2 "persistent state";
 * hashicorp's StableStore keys CurrentTerm, LastVoteTerm, LastVoteCand, its LogStore and
 * SnapshotStore), expressed as {@link io.clustersim.raft.storage.PersistOp}s applied to a
 * {@link io.clustersim.raft.storage.DurableImage} only once the write is synced. The image lives
 * outside the process, as a disk's contents outlive a crash.
 */
package io.clustersim.raft.storage;
