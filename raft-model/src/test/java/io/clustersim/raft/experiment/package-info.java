/**
 * Published Raft experiments reproduced on the real Raft code, for tests and (through the test-jar)
 * the benchmarks: the split-vote probability of Ongaro's thesis, section 9.2.
 */
package io.clustersim.raft.experiment;
