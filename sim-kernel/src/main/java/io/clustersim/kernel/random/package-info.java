/**
 * Seeded randomness. One root seed; every component draws from its own named stream whose seed is
 * derived from the root seed and the stream's path alone, so adding a node or a component never
 * shifts another component's numbers. Distributions are built on Commons RNG and Commons
 * Statistics rather than hand-written samplers, except the percentile table, which they lack.
 */
package io.clustersim.kernel.random;
