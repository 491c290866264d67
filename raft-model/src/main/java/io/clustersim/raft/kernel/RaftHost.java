package io.clustersim.raft.kernel;

import io.clustersim.raft.core.RaftServer;

/**
 * A kernel process that hosts a Raft server, alone ({@link RaftProcess}) or beside other
 * protocols (a Nomad server agent). Observers and harnesses find the server through it.
 */
public interface RaftHost {
    /** The running server, or null before start. */
    RaftServer raftServer();
}
