/**
 * Test fixtures, shared with the benchmarks through the test-jar: a
 * {@link io.clustersim.gossip.harness.SerfPoolHarness} puts a production
 * {@link io.clustersim.gossip.pool.SerfPool} on a World of its own and drives it by member name.
 */
package io.clustersim.gossip.harness;
