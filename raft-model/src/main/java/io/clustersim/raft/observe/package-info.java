/**
 * Watching Raft servers from outside: the {@link io.clustersim.raft.observe.RaftObserver} callbacks
 * a server makes as it changes role, appends, commits and applies, and the read-only
 * {@link io.clustersim.raft.observe.RaftView} of a server. Checkers and metrics are built on these;
 * observers must never change protocol state.
 */
package io.clustersim.raft.observe;
