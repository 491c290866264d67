/**
 * Regions, datacenters and availability zones, how many servers and clients each holds, and how
 * nodes are named and placed on the kernel's network.
 */
package io.clustersim.model.topology;
