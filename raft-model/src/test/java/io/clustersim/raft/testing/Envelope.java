package io.clustersim.raft.testing;

import io.clustersim.kernel.network.Message;
import io.clustersim.kernel.node.NodeId;

/** A message a fake server sent, not yet delivered. */
public record Envelope<T extends Message>(NodeId from, NodeId to, T message) {}
