package io.clustersim.gossip.message;

import io.clustersim.kernel.network.Message;

/** Anything a memberlist sends: a datagram {@link Packet} or a {@link StreamMessage}. */
public sealed interface GossipMessage extends Message permits Packet, StreamMessage {}
