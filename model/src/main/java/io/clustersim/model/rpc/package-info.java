/**
 * Nomad's RPC between agents (nomad {@code nomad/rpc.go}, {@code nomad/structs}): the request and
 * response messages, the calls a request carries and how each is routed (a write or a consistent
 * read goes to the region's leader, a stale read is served by any server, a local call by the
 * server asked), and a caller that matches answers to requests and gives up after a timeout.
 */
package io.clustersim.model.rpc;
