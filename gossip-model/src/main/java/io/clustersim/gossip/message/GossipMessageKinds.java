package io.clustersim.gossip.message;

import io.clustersim.kernel.network.MessageKinds;
import java.util.SortedSet;

/** The kinds a message fault may name for memberlist and Serf. */
public final class GossipMessageKinds {
    private GossipMessageKinds() {}

    public static SortedSet<String> all() {
        return MessageKinds.of(GossipMessage.class);
    }
}
