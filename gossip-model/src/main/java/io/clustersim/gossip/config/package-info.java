/**
 * Parameters of memberlist and Serf, as immutable records with builders, and the profiles with the
 * libraries' real defaults: {@link io.clustersim.gossip.config.GossipConfig#lan()} and
 * {@link io.clustersim.gossip.config.GossipConfig#wan()} (memberlist config.go DefaultLANConfig and
 * DefaultWANConfig, serf serf/config.go DefaultConfig).
 */
package io.clustersim.gossip.config;
