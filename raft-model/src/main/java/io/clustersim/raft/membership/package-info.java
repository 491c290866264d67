/**
 * Cluster membership: who the servers are and whether each votes. Changes go one server at a time
 * (thesis, section 4.1), as hashicorp/raft's AddVoter, AddNonvoter, DemoteVoter and RemoveServer.
 */
package io.clustersim.raft.membership;
