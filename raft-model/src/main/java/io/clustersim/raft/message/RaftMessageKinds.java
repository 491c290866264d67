package io.clustersim.raft.message;

import io.clustersim.kernel.network.MessageKinds;
import java.util.SortedSet;
import java.util.TreeSet;

/** The kinds a message fault may name for Raft: server-to-server and client messages. */
public final class RaftMessageKinds {
    private RaftMessageKinds() {}

    public static SortedSet<String> all() {
        SortedSet<String> k = new TreeSet<>(MessageKinds.of(RaftMessage.class, AppendEntries.ENTRIES_KIND,
                AppendEntries.EMPTY_KIND));
        k.addAll(MessageKinds.of(ClientMessage.class));
        return k;
    }
}
