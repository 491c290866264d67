/**
 * Virtual time. The kernel counts time in {@code long} nanoseconds so that sums and comparisons
 * are exact and identical on every machine; doubles appear only at the edges (reports).
 */
package io.clustersim.kernel.time;
