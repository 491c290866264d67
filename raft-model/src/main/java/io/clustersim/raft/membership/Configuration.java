package io.clustersim.raft.membership;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.log.Digest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A cluster configuration: the servers, in id order, each with its suffrage. */
public record Configuration(SortedMap<NodeId, Suffrage> servers) {
    public static final Configuration EMPTY = new Configuration(new TreeMap<>());

    public Configuration {
        servers = Collections.unmodifiableSortedMap(new TreeMap<>(servers));
    }

    /** All of {@code voters} as voters. */
    public static Configuration ofVoters(Collection<NodeId> voters) {
        TreeMap<NodeId, Suffrage> m = new TreeMap<>();
        for (NodeId v : voters) {
            m.put(v, Suffrage.VOTER);
        }
        return new Configuration(m);
    }

    public static Configuration of(Collection<NodeId> voters, Collection<NodeId> nonVoters) {
        TreeMap<NodeId, Suffrage> m = new TreeMap<>();
        for (NodeId v : nonVoters) {
            m.put(v, Suffrage.NONVOTER);
        }
        for (NodeId v : voters) {
            m.put(v, Suffrage.VOTER);
        }
        return new Configuration(m);
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }

    public int size() {
        return servers.size();
    }

    public boolean contains(NodeId id) {
        return servers.containsKey(id);
    }

    public boolean isVoter(NodeId id) {
        return servers.get(id) == Suffrage.VOTER;
    }

    public List<NodeId> voters() {
        List<NodeId> out = new ArrayList<>();
        for (Map.Entry<NodeId, Suffrage> e : servers.entrySet()) {
            if (e.getValue() == Suffrage.VOTER) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    public int voterCount() {
        int n = 0;
        for (Suffrage s : servers.values()) {
            if (s == Suffrage.VOTER) {
                n++;
            }
        }
        return n;
    }

    /** Votes needed for a majority of the voters: floor(voters / 2) + 1 (hashicorp's quorumSize). */
    public int quorumSize() {
        return voterCount() / 2 + 1;
    }

    public Configuration with(NodeId id, Suffrage suffrage) {
        TreeMap<NodeId, Suffrage> m = new TreeMap<>(servers);
        m.put(id, suffrage);
        return new Configuration(m);
    }

    public Configuration without(NodeId id) {
        TreeMap<NodeId, Suffrage> m = new TreeMap<>(servers);
        m.remove(id);
        return new Configuration(m);
    }

    /** A content digest: ids by name and suffrage by ordinal, both stable across runs. */
    public long digest() {
        long h = 7;
        for (Map.Entry<NodeId, Suffrage> e : servers.entrySet()) {
            h = Digest.mix(Digest.mix(h, Digest.ofString(e.getKey().name())), e.getValue().ordinal());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<NodeId, Suffrage> e : servers.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey().name());
            if (e.getValue() == Suffrage.NONVOTER) {
                sb.append("(nonvoter)");
            }
        }
        return sb.append('}').toString();
    }
}
