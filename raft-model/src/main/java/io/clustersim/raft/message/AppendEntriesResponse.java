package io.clustersim.raft.message;

/**
 * The answer to an {@link AppendEntries}.
 *
 * @param lastLogIndex the follower's last index, for the leader's fast back-off of nextIndex
 *     (hashicorp: nextIndex = max(min(nextIndex - 1, lastLog + 1), 1))
 * @param matchIndex on success, the index up to which the follower's log now matches the leader's
 *     ({@code prevLogIndex + entries}); 0 on failure
 */
public record AppendEntriesResponse(long term, boolean success, long lastLogIndex, long matchIndex, long seq,
        boolean heartbeat) implements RaftMessage {
    @Override
    public int sizeBytes() {
        return 64;
    }
}
