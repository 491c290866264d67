package io.clustersim.raft.message;

/**
 * The answer to a {@link RequestVote}.
 *
 * @param term the voter's current term (after adopting the request's term, for a real vote)
 * @param requestTerm the term of the request answered, so a candidate can tell rounds apart
 */
public record RequestVoteResponse(long term, boolean granted, boolean preVote, long requestTerm)
        implements RaftMessage {
    @Override
    public int sizeBytes() {
        return 48;
    }
}
