/** Human-readable output: the one-screen summary printed after a run. */
package io.clustersim.reports.text;
