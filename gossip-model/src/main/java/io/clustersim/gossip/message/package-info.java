/**
 * The wire vocabulary of memberlist and Serf, as immutable records. {@link
 * io.clustersim.gossip.message.Packet}s travel as datagrams (UDP, lossy) and carry piggybacked
 * {@link io.clustersim.gossip.message.Update}s; {@link io.clustersim.gossip.message.StreamMessage}s
 * travel over a FIFO connection (TCP): the fallback ping and push-pull. Sizes are estimates of
 * memberlist's msgpack encoding; they matter only on links with a bandwidth limit and for the
 * piggyback budget of a packet.
 *
 * <p>Maps inside messages are sorted maps: {@code Map.copyOf} iterates in an order that changes
 * from one JVM run to the next, which would break reproducibility.
 */
package io.clustersim.gossip.message;
