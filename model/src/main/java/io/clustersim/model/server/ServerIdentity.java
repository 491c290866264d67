package io.clustersim.model.server;

import io.clustersim.kernel.network.Placement;
import io.clustersim.kernel.node.NodeId;

/** Who a server is: its node, where it runs, and its name in the Serf pool. */
public record ServerIdentity(NodeId node, Placement placement) {
    public String region() {
        return placement.region();
    }

    /** Nomad names a server's Serf member {@code <node>.<region>}. */
    public String memberName() {
        return ServerTags.memberName(node.name(), placement.region());
    }
}
