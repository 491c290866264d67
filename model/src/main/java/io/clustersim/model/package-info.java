/**
 * The Nomad domain on top of the kernel and the protocols: the topology (regions, datacenters,
 * availability zones) and the agents that run on it.
 */
package io.clustersim.model;
