/**
 * Records of every election, readable while or after a simulation runs: when each server's
 * election timer fired, who campaigned in which term (pre-vote and real rounds), every vote
 * granted or refused and why, split votes, and when each survivor first heard the new leader.
 * {@link io.clustersim.raft.elections.ElectionRecorder} collects them from the observer taps and
 * the kernel trace, and writes each step to the trace, so an experiment reads outcomes instead of
 * polling the simulation clock.
 */
package io.clustersim.raft.elections;
