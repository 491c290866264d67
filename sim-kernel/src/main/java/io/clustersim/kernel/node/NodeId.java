package io.clustersim.kernel.node;

/** A node's identity: its dense index in the world (for arrays) and its address (for people). */
public record NodeId(int index, String name) implements Comparable<NodeId> {
    @Override
    public int compareTo(NodeId o) {
        return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return name;
    }
}
