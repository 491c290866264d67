package io.clustersim.model.agent;

import io.clustersim.kernel.network.Message;

/** A client's status RPC to a server. */
public record StatusPing(long requestId) implements Message {}
