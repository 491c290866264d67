/**
 * The replicated state machine that committed entries are applied to, in log order (paper,
 * section 5.3), and its snapshots.
 */
package io.clustersim.raft.statemachine;
