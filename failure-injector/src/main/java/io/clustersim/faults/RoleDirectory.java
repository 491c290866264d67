package io.clustersim.faults;

import io.clustersim.kernel.node.Node;
import java.util.List;

/**
 * Who plays which role right now, as a deployment knows it: the injector resolves role targets
 * ("the leader", "a follower", "the servers") through this when a fault fires, and knows no
 * protocol itself. A null region means every region.
 */
public interface RoleDirectory {
    /** The leader of each region (of {@code region} alone if not null); none while electing. */
    List<Node> leaders(String region);

    /** The live servers that do not lead, per region, in name order. */
    List<Node> followers(String region);

    /** Every server, up or down, in name order. */
    default List<Node> servers(String region) {
        return List.of();
    }

    /** Every client, up or down, in name order. */
    default List<Node> clients(String region) {
        return List.of();
    }

    /** How many entries the cluster has committed so far (summed over regions), for "after N commits" triggers. */
    default long committed() {
        return 0;
    }

    /** A directory of a deployment without roles (a plain Serf pool). */
    RoleDirectory NONE = new RoleDirectory() {
        @Override
        public List<Node> leaders(String region) {
            return List.of();
        }

        @Override
        public List<Node> followers(String region) {
            return List.of();
        }
    };
}
