/**
 * A node's processors as a queue: cores serving pieces of work that processes declare with a CPU
 * cost, first come first served, their effects happening when the work completes. Domain-free:
 * what a piece of work is (a heartbeat, a Raft append) is the model's business.
 */
package io.clustersim.kernel.cpu;
