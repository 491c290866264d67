/**
 * ClusterSim's own property-testing harness: seeded generators that read a recorded choice
 * sequence ({@code gen}), and the runner that tries a property many times, shrinks a failing
 * choice sequence to a minimal case and prints the seed that replays it ({@code property}). Used
 * by every module's tests and usable in operators' own CI.
 */
package io.clustersim.testkit;
