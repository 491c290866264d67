package io.clustersim.raft.log;

import java.util.Objects;

/** Names one client request: the client and its own sequence number, e.g. {@code c1#17}. */
public record RequestId(String client, long sequence) implements Comparable<RequestId> {
    public RequestId {
        Objects.requireNonNull(client, "client");
    }

    long digest() {
        return Digest.mix(Digest.ofString(client), sequence);
    }

    @Override
    public int compareTo(RequestId o) {
        int c = client.compareTo(o.client);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    @Override
    public String toString() {
        return client + "#" + sequence;
    }
}
