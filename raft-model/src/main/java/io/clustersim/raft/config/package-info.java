/**
 * Raft parameters. {@link io.clustersim.raft.config.RaftConfig} holds the protocol-independent
 * settings and one {@link io.clustersim.raft.config.TimingProfile}: {@code Hashicorp} (the
 * hashicorp/raft v1.7.3 defaults Nomad runs, with Nomad's raft_multiplier), {@code Etcd} (etcd
 * raft's tick-based timing) or {@code Custom} (the paper's explicit election timeout range and
 * heartbeat interval). Every duration is in nanoseconds; factories take {@link java.time.Duration}.
 */
package io.clustersim.raft.config;
