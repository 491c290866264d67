package io.clustersim.raft.message;

import io.clustersim.kernel.node.NodeId;

/**
 * RequestVote (paper, Figure 2), also used for a pre-vote (thesis, section 9.6) when
 * {@code preVote} is set: then {@code term} is the term the candidate would campaign in, and the
 * candidate has not incremented its own.
 *
 * @param leadershipTransfer set by a candidate started by TimeoutNow; voters then ignore a known
 *     leader (hashicorp's LeadershipTransfer flag; thesis section 3.10)
 */
public record RequestVote(long term, NodeId candidate, long lastLogIndex, long lastLogTerm, boolean preVote,
        boolean leadershipTransfer) implements RaftMessage {
    @Override
    public int sizeBytes() {
        return 64;
    }
}
