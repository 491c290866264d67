/**
 * A model of HashiCorp memberlist (SWIM with the Lifeguard extensions) and of Serf on top of it,
 * as Nomad servers use them for server discovery and failure detection.
 *
 * <p>Layers, each in its own package: {@code config} (parameters and the real LAN/WAN defaults),
 * {@code message} (the wire vocabulary), {@code memberlist} (probing, suspicion, dissemination,
 * push-pull), {@code serf} (member statuses, intents, reaping, reconnecting), {@code port} (the
 * small interface through which the protocol acts on the world), {@code observe} (read-only event
 * taps for measurement), {@code detections} (records of every suspicion and declaration),
 * {@code process} (the kernel adapter) and {@code pool} (a pool of members on a given World, with
 * fault injection by name and metrics). Facts come from hashicorp/memberlist (config.go, state.go,
 * suspicion.go, awareness.go) and hashicorp/serf (serf/serf.go, serf/config.go).
 */
package io.clustersim.gossip;
