package io.clustersim.model.topology;

import io.clustersim.kernel.network.Placement;

/** One agent of the topology: its node name, role and place. */
public record AgentPlacement(String name, Role role, Placement placement) {}
