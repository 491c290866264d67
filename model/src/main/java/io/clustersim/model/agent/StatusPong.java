package io.clustersim.model.agent;

import io.clustersim.kernel.network.Message;

/** A server's answer to {@link StatusPing}. */
public record StatusPong(long requestId) implements Message {}
