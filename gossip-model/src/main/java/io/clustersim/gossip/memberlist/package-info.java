/**
 * memberlist: SWIM failure detection with the Lifeguard extensions, dissemination by piggybacking
 * and gossip, and push-pull anti-entropy (memberlist state.go, net.go, suspicion.go, awareness.go).
 *
 * <p>{@link io.clustersim.gossip.memberlist.Memberlist} is the component a host drives: it reacts
 * to messages ({@code handle}) and to its own timers, and acts only through
 * {@link io.clustersim.gossip.port.GossipPorts}. Inside, {@code Prober} runs the probe cycle,
 * {@code NodeStateRules} applies alive, suspect and dead messages with their incarnation rules,
 * {@code PushPull} runs state exchanges and joins, {@link
 * io.clustersim.gossip.memberlist.TransmitLimitedQueue} holds the broadcasts, and {@link
 * io.clustersim.gossip.memberlist.MemberlistFormulas} has the timeouts and limits.
 */
package io.clustersim.gossip.memberlist;
