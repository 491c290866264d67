package io.clustersim.raft.message;

/**
 * Sent by a leader transferring leadership to a caught-up voter, which then starts an election at
 * once, without pre-vote (thesis, section 3.10; hashicorp/raft's timeoutNow).
 */
public record TimeoutNow(long term) implements RaftMessage {
    @Override
    public int sizeBytes() {
        return 32;
    }
}
