/**
 * Nomad's client agent (nomad {@code client/}): fingerprint and registration, heartbeats with the
 * TTLs the servers hand out and their retry intervals, the server list, and the allocations it
 * runs.
 */
package io.clustersim.model.client;
