/**
 * Serf on top of memberlist (serf {@code serf/serf.go}): member statuses
 * (alive, leaving, left, failed), Lamport-timed join and leave intents, graceful leave, the
 * reaper of failed and left members, periodic reconnects to failed members, tags, and member
 * events. {@link io.clustersim.gossip.serf.Serf} is the component a host embeds.
 */
package io.clustersim.gossip.serf;
