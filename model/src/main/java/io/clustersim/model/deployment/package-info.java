/**
 * Deployments built on a given {@link io.clustersim.kernel.World}: a Nomad deployment (server
 * agents per region, probes in every zone, the clients), and the protocol-study deployments (a
 * plain Serf pool, a bare Raft cluster). A deployment adds its nodes, attaches its checkers and
 * recorders, tells the fault injector who plays which role, and at the end publishes its figures
 * into the world's telemetry. The scenario runner knows nothing else of it.
 */
package io.clustersim.model.deployment;
