/**
 * A model of HashiCorp memberlist (SWIM with the Lifeguard extensions) and of Serf on top of it,
 * as Nomad servers use them for server discovery and failure detection.
 *
 * <p>Layers, each in its own package: {@code config} (parameters and the real LAN/WAN defaults),
 * {@code message} (the wire vocabulary), {@code memberlist} (probing, suspicion, dissemination,
 * push-pull), {@code serf} (member statuses, intents, reaping, reconnecting), {@code port} (the
 * small interface through which the protocol acts on the world), {@code observe} (read-only event
 * taps for measurement), {@code process} (the kernel adapter) and {@code harness} (pools of members
 * with fault injection and metrics). Facts come from {@code /work/shared/reference/nomad-facts.md}
 * section 2 and from the memberlist and serf sources it cites.
 */
package io.clustersim.gossip;
