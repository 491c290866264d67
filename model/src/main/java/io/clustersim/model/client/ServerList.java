package io.clustersim.model.client;

import io.clustersim.kernel.node.NodeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The client's servers (nomad {@code client/servers/manager.go}): RPCs go to the first; a server
 * that fails is moved to the end (NotifyFailedServer); a new list from a heartbeat reply replaces
 * the old one, shuffled, when it names different servers.
 */
public final class ServerList {
    private final UniformRandomProvider random;
    private List<NodeId> servers = new ArrayList<>();

    public ServerList(List<NodeId> initial, UniformRandomProvider random) {
        this.random = random;
        set(initial);
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }

    public NodeId first() {
        return servers.isEmpty() ? null : servers.get(0);
    }

    public List<NodeId> servers() {
        return List.copyOf(servers);
    }

    /** NotifyFailedServer: the failed server goes to the end, if it is still first. */
    public void failed(NodeId server) {
        if (servers.size() > 1 && servers.get(0).equals(server)) {
            servers.remove(0);
            servers.add(server);
        }
    }

    /** SetServers: adopt a new list, shuffled, if it names other servers than ours. */
    public void set(List<NodeId> next) {
        // The same servers in any order (the lists are a region's few servers: no sets built per reply).
        if (next.isEmpty() || (next.containsAll(servers) && servers.containsAll(next))) {
            return;
        }
        List<NodeId> shuffled = new ArrayList<>(next);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            NodeId t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        servers = shuffled;
    }
}
