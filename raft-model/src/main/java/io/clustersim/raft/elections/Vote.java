package io.clustersim.raft.elections;

import io.clustersim.kernel.node.NodeId;
import io.clustersim.raft.observe.VoteReason;

/**
 * One voter's answer in a round, as the voter decided it.
 *
 * @param reason why; null when the voter dropped the request without an answer (etcd)
 */
public record Vote(long atNanos, NodeId voter, boolean granted, VoteReason reason) {}
