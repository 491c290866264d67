package io.clustersim.model.rpc;

import io.clustersim.kernel.node.NodeId;
import java.util.List;

/**
 * The leader's answer to a client's registration or heartbeat (nomad {@code structs.NodeUpdateResponse}):
 * when to heartbeat next, and the region's live servers for the client's server list.
 *
 * @param heartbeatTtlNanos the TTL the leader chose for this node; the client heartbeats again after it
 * @param servers the region's servers Serf shows alive, in the leader's order
 * @param known false if the server does not know the node (it was collected): the client registers again
 */
public record HeartbeatReply(long heartbeatTtlNanos, List<NodeId> servers, boolean known) {
    public HeartbeatReply {
        servers = List.copyOf(servers);
    }
}
