/**
 * The ports through which the sans-IO Raft core acts on the world: send a message, set a timer
 * (and read the clock), persist durable changes with a completion, and draw random numbers. The
 * kernel adapter implements them on a simulated node; tests implement them with fakes they drive
 * by hand. A host that runs Raft next to other protocols on one node (a Nomad server agent with
 * Serf) implements them once and routes Raft's messages to the core.
 */
package io.clustersim.raft.port;
