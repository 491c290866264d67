/**
 * Parameters of memberlist and Serf, as immutable records with builders, and the profiles with the
 * libraries' real defaults: {@link io.clustersim.gossip.config.GossipConfig#lan()},
 * {@link io.clustersim.gossip.config.GossipConfig#wan()} and
 * {@link io.clustersim.gossip.config.GossipConfig#nomadServer()} (memberlist config.go, serf serf/config.go, nomad nomad/config.go and nomad/server.go setupSerf).
 */
package io.clustersim.gossip.config;
