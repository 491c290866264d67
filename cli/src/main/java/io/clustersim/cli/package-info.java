/**
 * The {@code clustersim} command line: parsing options, printing the resolved scenario and the
 * summary, writing reports, and mapping outcomes to exit codes (0 ok, 1 internal error, 2 bad
 * input or usage, 3 a safety invariant was violated).
 */
package io.clustersim.cli;
