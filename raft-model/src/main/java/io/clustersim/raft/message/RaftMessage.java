package io.clustersim.raft.message;

import io.clustersim.kernel.network.Message;

/** A message between Raft servers. */
public sealed interface RaftMessage extends Message
        permits RequestVote, RequestVoteResponse, AppendEntries, AppendEntriesResponse, InstallSnapshot,
                InstallSnapshotResponse, TimeoutNow {
    /** The sender's term, which every receiver compares with its own first (paper, section 5.1). */
    long term();
}
