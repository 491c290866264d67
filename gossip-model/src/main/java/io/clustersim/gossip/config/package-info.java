/**
 * Parameters of memberlist and Serf, as immutable records with builders, and the profiles with the
 * libraries' real defaults: {@link io.clustersim.gossip.config.GossipConfig#lan()},
 * {@link io.clustersim.gossip.config.GossipConfig#wan()} and
 * {@link io.clustersim.gossip.config.GossipConfig#nomadServer()} (reference section 2.1, 2.2, 2.6).
 */
package io.clustersim.gossip.config;
