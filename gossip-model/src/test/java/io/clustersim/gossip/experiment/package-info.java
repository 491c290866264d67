/**
 * Published SWIM experiments reproduced on the real memberlist code, for tests and (through the
 * test-jar) the benchmarks: the expected number of protocol periods until a failed member is first
 * probed.
 */
package io.clustersim.gossip.experiment;
