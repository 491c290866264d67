/**
 * The public Java API for users' own tests and CI: load a scenario (from a file, a string or a
 * builder), run it, and read typed results; or check it under random faults. Everything else in
 * ClusterSim may change between versions; this package keeps its signatures.
 */
package io.clustersim.scenarios.api;
