package io.clustersim.raft.elections;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.observe.Role;

/** {@code server}'s election timer (or hashicorp's heartbeat check) fired and it campaigned from {@code role}. */
public record TimerFiring(long atNanos, NodeId server, long term, Role role) {}
