/**
 * The deterministic discrete-event kernel: virtual time, the event queue, seeded random streams,
 * the simulated network, disk and process lifecycle, and the trace. It knows nothing of Raft,
 * gossip or Nomad; protocols reach it only through {@link io.clustersim.kernel.node.NodeContext}.
 */
package io.clustersim.kernel;
