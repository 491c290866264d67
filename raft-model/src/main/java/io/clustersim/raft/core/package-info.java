/**
 * The sans-IO Raft core. {@link io.clustersim.raft.core.RaftServer} is the component a host
 * drives: it reacts to messages ({@code handle}) and timer firings and acts only through the
 * ports of {@link io.clustersim.raft.port}. The package-private classes are its parts, one per
 * concept: elections (candidate and voter side), the follower's handling of AppendEntries and
 * InstallSnapshot, the leader's replication, commitment and application, client requests, durable
 * writes, and one timing driver per profile.
 *
 * <p>Durability rule: a server answers a vote or an append only after every write it has issued
 * so far is synced ({@link io.clustersim.raft.core.PersistenceQueue#afterDurable}); writes issued
 * while one is in flight are grouped into the next (group commit).
 */
package io.clustersim.raft.core;
