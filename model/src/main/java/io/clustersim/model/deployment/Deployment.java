package io.clustersim.model.deployment;

import io.clustersim.kernel.World;

/** Something that can be built on a World: its nodes, checkers and recorders. */
public interface Deployment {
    /** Adds the nodes to {@code world}, attaches checkers and recorders, and starts the nodes. */
    Running deploy(World world);
}
