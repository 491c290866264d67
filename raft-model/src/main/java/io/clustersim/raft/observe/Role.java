package io.clustersim.raft.observe;

/**
 * A server's role (paper, section 5.1). A non-voter is a follower whose latest configuration
 * makes it a non-voter ({@link RaftView#isVoter()} is false); it never becomes a candidate.
 */
public enum Role {
    FOLLOWER,
    CANDIDATE,
    LEADER
}
