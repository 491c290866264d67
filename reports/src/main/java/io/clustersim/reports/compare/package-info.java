/** Two designs side by side: the same metrics with their intervals, the difference, Welch's t-test. */
package io.clustersim.reports.compare;
