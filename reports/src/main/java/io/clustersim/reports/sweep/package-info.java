/** A sweep's report: every variant's replications side by side, with comparison charts. */
package io.clustersim.reports.sweep;
