/**
 * The client side: {@link io.clustersim.raft.client.RaftClient}, a sans-IO component with the
 * same ports as a server, that sends requests to servers, follows redirects, retries on timeout
 * and reports each request's outcome and latency to a {@link io.clustersim.raft.client.ClientListener}.
 */
package io.clustersim.raft.client;
