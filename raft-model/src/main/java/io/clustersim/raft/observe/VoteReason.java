package io.clustersim.raft.observe;

/** Why a voter granted or refused a vote or pre-vote, for election records. */
public enum VoteReason {
    GRANTED,
    /** The candidate is not in the voter's latest configuration, or not a voter in it. */
    NOT_A_VOTER,
    /** hashicorp's leader stickiness: the voter knows a live leader other than the candidate. */
    LEADER_KNOWN,
    /** A leader lease (CheckQuorum): the voter heard from a leader within an election timeout. */
    IN_LEASE,
    /** The request's term is older than the voter's. */
    STALE_TERM,
    /** The voter already voted for another candidate in that term. */
    ALREADY_VOTED,
    /** The candidate's log is less up to date than the voter's (paper, section 5.4.1). */
    LOG_NOT_UP_TO_DATE
}
