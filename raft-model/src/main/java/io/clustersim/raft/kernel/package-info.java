/**
 * Running Raft on kernel nodes: {@link io.clustersim.raft.kernel.KernelPorts} implements the
 * Raft ports on a {@link io.clustersim.kernel.node.NodeContext} (messages with FIFO delivery,
 * kernel timers, the node's simulated disk writing into a
 * {@link io.clustersim.raft.storage.DurableImage} kept by the host, the node's own random stream),
 * and {@link io.clustersim.raft.kernel.RaftProcess} is a process that is nothing but a Raft server.
 */
package io.clustersim.raft.kernel;
