/**
 * The ports through which memberlist and Serf act on the world: send a message, set a timer, read
 * the clock, draw random numbers. The protocol owns no IO, threads or clock, so the same core runs
 * in a plain Serf pool ({@link io.clustersim.gossip.process.SerfProcess}) or beside Raft inside
 * one Nomad server process on one kernel node.
 */
package io.clustersim.gossip.port;
