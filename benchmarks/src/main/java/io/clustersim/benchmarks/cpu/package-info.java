/** The CPU model: its cross-checks against queueing theory and what it costs when every cost is zero. */
package io.clustersim.benchmarks.cpu;
