package io.clustersim.gossip.message;

/** Travels over a FIFO connection (TCP): the fallback ping and push-pull state exchange. */
public sealed interface StreamMessage extends GossipMessage
        permits StreamPing, StreamAck, PushPullRequest, PushPullResponse {}
