/**
 * Simulated processes: a node's lifecycle (start, crash, restart, pause, resume) and the ports a
 * protocol uses to act on the world ({@link io.clustersim.kernel.node.NodeContext}). A crash
 * discards the process object and every timer and delivery addressed to it; a pause holds them
 * until the node resumes, as a stop-the-world freeze would.
 */
package io.clustersim.kernel.node;
