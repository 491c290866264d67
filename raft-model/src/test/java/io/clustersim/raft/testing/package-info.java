/**
 * Test fixtures: {@link io.clustersim.raft.testing.FakeCluster} drives sans-IO Raft servers with
 * fake ports by hand (no kernel): the test decides when timers fire, which messages arrive and
 * when disk writes complete, so every step is exact.
 */
package io.clustersim.raft.testing;
