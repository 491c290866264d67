package io.clustersim.gossip.message;

/** The layer above memberlist's share of a push-pull exchange (memberlist's delegate LocalState). */
public sealed interface UserState permits SerfPushPull {
    int sizeBytes();
}
