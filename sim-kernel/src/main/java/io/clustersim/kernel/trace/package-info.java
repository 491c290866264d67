/**
 * The run's record: every delivery, drop, timer firing and lifecycle change feeds a running 64-bit
 * hash (the run's fingerprint, {@code traceHash}) and, optionally, a JSON Lines file.
 */
package io.clustersim.kernel.trace;
